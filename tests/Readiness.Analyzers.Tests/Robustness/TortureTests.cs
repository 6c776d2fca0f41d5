using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace Readiness.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and every code fix over the torture corpus: zero analyzer exceptions, every run bounded in time, and every
/// offered fix produces a document (or is not offered). Picks up new analyzers and fixes by reflection.
/// </summary>
public class TortureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerRunBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Analyzers_and_fixes_survive_truncated_and_mutated_code()
    {
        var failures = new List<string>();
        var runs = 0;
        var fixesTried = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var workspace = new AdhocWorkspace();
        var fixersById = Repository.CodeFixes
            .SelectMany(f => f.FixableDiagnosticIds.Select(id => (id, f)))
            .GroupBy(p => p.id)
            .ToDictionary(g => g.Key, g => g.Select(p => p.f).ToList());

        await Parallel.ForEachAsync(
            TortureCorpus.All,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (snippet, _) =>
            {
                foreach (var (name, source) in TortureCorpus.Variants(snippet))
                {
                    Interlocked.Increment(ref runs);
                    using var bound = new CancellationTokenSource(PerRunBound);
                    var runner = new CompilationRunner().WithImplicitUsings().WithSource("/0/Test.cs", source);
                    ImmutableArray<Diagnostic> diagnostics;
                    try
                    {
                        diagnostics = await runner.RunAsync(Repository.Analyzers, bound.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        lock (failures)
                        {
                            failures.Add($"{name}: analysis ran past {PerRunBound.TotalSeconds} s");
                        }

                        continue;
                    }

                    lock (failures)
                    {
                        failures.AddRange(runner.AnalyzerExceptions.Select(e => $"{name}: {e.Message} {e.InnerException}"));
                    }

                    // One fixable diagnostic per variant, seeded by the variant's text, with every fixer for its ID.
                    var fixable = diagnostics.Where(d => fixersById.ContainsKey(d.Id)).ToList();
                    if (fixable.Count == 0)
                    {
                        continue;
                    }

                    var diagnostic = fixable[new Random(source.Length).Next(fixable.Count)];
                    foreach (var fixer in fixersById[diagnostic.Id])
                    {
                        Interlocked.Increment(ref fixesTried);
                        var failure = await TryFixAsync(workspace, runner, diagnostic, fixer, bound.Token);
                        if (failure is not null)
                        {
                            lock (failures)
                            {
                                failures.Add($"{name}: {fixer.GetType().Name} on {diagnostic.Id}: {failure}");
                            }
                        }
                    }
                }
            });

        output.WriteLine($"{TortureCorpus.All.Count} snippets, {runs} analyzer runs, {fixesTried} fixes tried in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(runs > TortureCorpus.All.Count, "the corpus produced no variants");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static async Task<string?> TryFixAsync(AdhocWorkspace workspace, CompilationRunner runner, Diagnostic diagnostic, CodeFixProvider fixer, CancellationToken cancellationToken)
    {
        var compilation = runner.CreateCompilation();
        var project = TestWorkspace.AddProject(
            workspace,
            compilation.Options.OutputKind,
            compilation.SyntaxTrees.Select(tree => (tree.FilePath, tree.GetText(cancellationToken))),
            TestWorkspace.WebApp);
        var document = project.Documents.Single(d => d.FilePath == "/0/Test.cs");
        var actions = new List<CodeAction>();
        try
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context);
            foreach (var action in actions)
            {
                var operations = await action.GetOperationsAsync(cancellationToken);
                var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
                if (apply is null || apply.ChangedSolution.GetDocument(document.Id) is null)
                {
                    return $"'{action.Title}' produced no document";
                }
            }
        }
        catch (OperationCanceledException)
        {
            return "fix ran past the bound";
        }
        catch (Exception exception)
        {
            return exception.ToString();
        }

        return null;
    }
}
