namespace Readiness.Analyzers.Common;

/// <summary>
/// The base of every analyzer in the package. <see cref="Initialize"/> is sealed: concurrent execution, generated code
/// skipped, and the rule's <see cref="Scope"/> applied before anything is registered — a rule that cannot apply to a
/// project (a web-app rule in a library) registers nothing there and costs nothing. A rule writes only
/// <see cref="OnCompilationStart"/>: resolve its types from <see cref="RuleEnvironment.Types"/>, return early when they
/// are absent, register its actions, and ask <see cref="RuleEnvironment.Applies"/> per file.
/// </summary>
public abstract class ReadinessAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Which projects the rule runs in.</summary>
    protected abstract RuleScope Scope { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        var scope = Scope;
        context.RegisterCompilationStartAction(start =>
        {
            var project = ProjectScope.For(start.Compilation, start.Options);
            if (project.MayApply(scope))
            {
                OnCompilationStart(start, new RuleEnvironment(start.Compilation, start.Options, scope, project));
            }
        });
    }

    /// <summary>Registers the rule's actions for one compilation in which its scope may apply.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment);
}
