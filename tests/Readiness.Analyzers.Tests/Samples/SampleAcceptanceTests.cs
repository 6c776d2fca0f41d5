using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Samples;

/// <summary>
/// The samples are acceptance tests: every shipped rule fires on NotReadyApi, none on ReadyApi. Compiled in memory with
/// the same sources, config files and build properties that `dotnet build samples/…` gives the analyzers.
/// </summary>
public class SampleAcceptanceTests
{
    private static readonly string[] ConfigFilePatterns = { "appsettings*.json", ".env*", "docker-compose*.yml", "docker-compose*.yaml", "compose*.yml" };

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, CompilationRunner Runner)> AnalyzeSampleAsync(params string[] path)
    {
        var directory = Repository.PathOf(new[] { "samples" }.Concat(path).ToArray());
        var name = string.Join("/", path);
        var runner = new CompilationRunner().As(TestProjectKind.Web).WithImplicitUsings();
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)
                || relative.StartsWith("Scenarios", StringComparison.Ordinal))
            {
                continue;
            }

            runner.WithSource(file, File.ReadAllText(file));
        }

        foreach (var pattern in ConfigFilePatterns)
        {
            foreach (var file in Directory.EnumerateFiles(directory, pattern))
            {
                runner.WithAdditionalFile(file, File.ReadAllText(file));
            }
        }

        var compilation = runner.CreateCompilation();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{name} does not compile in memory: " + string.Join(Environment.NewLine, errors.Take(5)));
        var diagnostics = await runner.RunAsync(Repository.Analyzers);
        Assert.Empty(runner.AnalyzerExceptions);
        return (diagnostics, runner);
    }

    /// <summary>The main app and its scenarios (small apps for rules that rule each other out in one app).</summary>
    [Fact]
    public async Task NotReadyApi_shows_every_shipped_rule()
    {
        var (diagnostics, _) = await AnalyzeSampleAsync("NotReadyApi");
        var seen = diagnostics.Select(d => d.Id).ToHashSet();
        foreach (var scenario in Directory.EnumerateDirectories(Repository.PathOf("samples", "NotReadyApi", "Scenarios")))
        {
            var (scenarioDiagnostics, _) = await AnalyzeSampleAsync("NotReadyApi", "Scenarios", Path.GetFileName(scenario));
            Assert.NotEmpty(scenarioDiagnostics.Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal)));
            seen.UnionWith(scenarioDiagnostics.Select(d => d.Id));
        }

        var missing = Repository.Descriptors.Where(d => d.IsEnabledByDefault && !seen.Contains(d.Id)).Select(d => d.Id).ToList();
        Assert.True(missing.Count == 0, "NotReadyApi does not trigger: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task ReadyApi_is_clean()
    {
        var (diagnostics, _) = await AnalyzeSampleAsync("ReadyApi");
        var ours = diagnostics.Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count == 0, "ReadyApi reports: " + string.Join(Environment.NewLine, ours));
    }
}
