using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Options;

namespace Readiness.Analyzers.Logging;

/// <summary>Where the console-output rules (RDY2001, RDY2002) apply: the project kind, overridable per file.</summary>
internal static class LoggingScope
{
    /// <summary>For the tree a candidate node is in: the check RDY2001 and RDY2002 make before binding anything.</summary>
    public static bool ConsoleRulesApply(SyntaxNodeAnalysisContext context)
        => ConsoleRulesApply(context.Compilation, context.Options, context.Node.SyntaxTree, context.CancellationToken);

    /// <summary>Decides from the build properties when they suffice, and builds the shared model only when they do not.</summary>
    public static bool ConsoleRulesApply(Compilation compilation, AnalyzerOptions options, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var mode = options.Get(ReadinessOptions.ConsoleOutput, tree);
        if (mode != RuleMode.Auto)
        {
            return mode == RuleMode.Always;
        }

        switch (ApplicationModel.QuickKind(compilation, options))
        {
            case ProjectKind.WebApp:
            case ProjectKind.Worker:
                return true;
            case ProjectKind.ConsoleTool:
                return false;
        }

        return ConsoleRulesApply(ApplicationModel.For(compilation, options, cancellationToken), options, tree);
    }

    public static bool ConsoleRulesApply(ApplicationModel model, AnalyzerOptions options, SyntaxTree tree)
    {
        switch (options.Get(ReadinessOptions.ConsoleOutput, tree))
        {
            case RuleMode.Always:
                return true;
            case RuleMode.Never:
                return false;
        }

        return model.Kind switch
        {
            ProjectKind.WebApp or ProjectKind.Worker => true,
            ProjectKind.Library => model.ReferencesLogging,
            ProjectKind.TestProject => options.Get(ReadinessOptions.AnalyzeTestProjects, tree) && model.ReferencesLogging,
            _ => false,
        };
    }
}
