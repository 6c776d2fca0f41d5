using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Readiness.Analyzers.Benchmarks;

/// <summary>
/// The IDE after a keystroke. It keeps one compilation per project; an edit gives a new compilation with the edited
/// document's tree replaced (<c>ReplaceSyntaxTree</c>, the new tree parsed incrementally from the old one, every other tree
/// the same object), and the IDE analyses the edited document only: the compiler's own diagnostics of that document, then
/// the analyzers' semantic diagnostics of it, on one thread. What ours add there, over a do-nothing analyzer, is what a
/// developer waits for after each edit; what they keep alive from one compilation to the next is what the IDE's memory
/// grows by.
/// </summary>
internal static class IdeEdits
{
    /// <summary>The document an edit lands in.</summary>
    public enum Target
    {
        /// <summary><c>Program.cs</c>: a top-level statement inserted before the final <c>app.Run();</c>.</summary>
        Program,

        /// <summary>The first generated controller: a statement inserted at the start of its first action's body.</summary>
        Controller,
    }

    /// <summary>One analysis of one document: the compiler's diagnostics, then the analyzers' (one thread, telemetry on).</summary>
    public readonly record struct DocumentPass(double CompilerMs, double AnalyzersMs, CompilationWithAnalyzers Run);

    /// <summary>
    /// Medians over the edits, ms: the do-nothing floor, ours, the paired difference (ours minus the floor on the same
    /// compilation), the compiler's own diagnostics of the edited document, and each of ours by telemetry.
    /// </summary>
    public sealed record EditTiming(int Edits, double FloorMs, double OursMs, double OursOverFloorMs, double CompilerMs, Dictionary<string, double> ByAnalyzer);

    public static SyntaxTree Document(Compilation compilation, Target target) => target == Target.Program
        ? compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("/Program.cs", StringComparison.Ordinal))
        : compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Controller.cs", StringComparison.Ordinal));

    /// <summary>The <paramref name="n"/>th edit of <paramref name="tree"/>: a new compilation with only that tree replaced.</summary>
    public static (Compilation Compilation, SyntaxTree Tree) Edit(Compilation compilation, SyntaxTree tree, Target target, int n)
    {
        TextChange change;
        if (target == Target.Program)
        {
            // The last top-level statement is `app.Run();`.
            var last = ((CompilationUnitSyntax)tree.GetRoot()).Members.Last();
            change = new TextChange(new TextSpan(last.SpanStart, 0), $"var __edit{n} = {n};\n");
        }
        else
        {
            var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Body is not null).Body!;
            change = new TextChange(new TextSpan(body.OpenBraceToken.Span.End, 0), $"\n        var __edit{n} = {n};");
        }

        var edited = tree.WithChangedText(tree.GetText().WithChanges(change));
        return (compilation.ReplaceSyntaxTree(tree, edited), edited);
    }

    /// <summary>The IDE's analysis of one document, as <c>IdePath</c> in Program.cs does it.</summary>
    public static DocumentPass Analyse(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var semanticModel = withAnalyzers.Compilation.GetSemanticModel(tree);
        var watch = Stopwatch.StartNew();
        semanticModel.GetDiagnostics();
        var compilerMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel, null, CancellationToken.None).GetAwaiter().GetResult();
        return new DocumentPass(compilerMs, watch.Elapsed.TotalMilliseconds, withAnalyzers);
    }

    /// <summary>
    /// A run of <paramref name="edits"/> edits of one document, each applied to the previous edit's compilation, as typing
    /// does. Before them, the document is analysed once on the original compilation with each variant (as the IDE had done
    /// before the edit). After each edit, the floor and ours analyse the edited document in turns, each through its own
    /// <see cref="CompilationWithAnalyzers"/> over the same compilation object.
    /// </summary>
    public static EditTiming Measure(
        Compilation original,
        Target target,
        int edits,
        ImmutableArray<DiagnosticAnalyzer> floor,
        ImmutableArray<DiagnosticAnalyzer> ours,
        AnalyzerOptions options)
    {
        var compilation = original;
        var tree = Document(compilation, target);
        Analyse(compilation, tree, floor, options);
        Analyse(compilation, tree, ours, options);

        var (floorMs, oursMs, differences, compilerMs) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var byAnalyzer = ours.Select(a => a.GetType().Name).Distinct(StringComparer.Ordinal).ToDictionary(name => name, _ => new List<double>(), StringComparer.Ordinal);
        for (var n = 1; n <= edits; n++)
        {
            (compilation, tree) = Edit(compilation, tree, target, n);
            var withFloor = Analyse(compilation, tree, floor, options);
            var withOurs = Analyse(compilation, tree, ours, options);
            floorMs.Add(withFloor.AnalyzersMs);
            oursMs.Add(withOurs.AnalyzersMs);
            differences.Add(withOurs.AnalyzersMs - withFloor.AnalyzersMs);
            compilerMs.Add(withOurs.CompilerMs);
            foreach (var analyzer in ours)
            {
                byAnalyzer[analyzer.GetType().Name].Add(withOurs.Run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
            }
        }

        return new EditTiming(edits, Median(floorMs), Median(oursMs), Median(differences), Median(compilerMs), byAnalyzer.ToDictionary(p => p.Key, p => Median(p.Value)));
    }

    /// <summary>
    /// <paramref name="edits"/> successive edits with <paramref name="analyzers"/> attached, a controller edit and a
    /// <c>Program.cs</c> edit in turn, the edited document analysed after each; every <paramref name="every"/> edits, a full
    /// collection and the managed heap's size, MB. Only the newest compilation is referenced, so what grows is what the
    /// analyzers (and the driver) keep from the compilations the IDE has dropped.
    /// </summary>
    public static double[] RetainedMegabytes(Func<Compilation> newCompilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, int edits, int every)
    {
        var compilation = newCompilation();
        var program = Document(compilation, Target.Program);
        var controller = Document(compilation, Target.Controller);
        Analyse(compilation, program, analyzers, options);
        Analyse(compilation, controller, analyzers, options);

        var samples = new List<double>();
        for (var n = 1; n <= edits; n++)
        {
            if (n % 2 == 1)
            {
                (compilation, controller) = Edit(compilation, controller, Target.Controller, n);
                Analyse(compilation, controller, analyzers, options);
            }
            else
            {
                (compilation, program) = Edit(compilation, program, Target.Program, n);
                Analyse(compilation, program, analyzers, options);
            }

            if (n % every == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                samples.Add(GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0));
            }
        }

        return samples.ToArray();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
