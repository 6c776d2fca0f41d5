namespace Readiness.Analyzers.Logging;

/// <summary>
/// RDY2002: <c>Debug.Write*</c>/<c>Debug.Print</c> and <c>Trace.Write*</c>/<c>Trace.Trace*</c> in a web app, worker or
/// logging-aware library. Debug calls vanish from Release builds; Trace goes to listeners a container never reads.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DebugOrTraceOutputAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger);

    protected override RuleScope Scope => RuleScope.CodeThatLogs;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var debug = environment.Types.Get("System.Diagnostics.Debug");
        var trace = environment.Types.Get("System.Diagnostics.Trace");
        if (debug is null && trace is null)
        {
            return;
        }

        // The callee's symbol decides; no operation tree is built.
        start.RegisterInvocationSymbolAction(
            static name => IsDebugWrite(name) || IsTraceWrite(name),
            context => environment.Applies(context.Node.SyntaxTree, context.CancellationToken),
            context =>
            {
                var method = context.Method;
                string why;
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, debug) && IsDebugWrite(method.Name))
                {
                    why = "is removed from Release builds";
                }
                else if (SymbolEqualityComparer.Default.Equals(method.ContainingType, trace) && IsTraceWrite(method.Name))
                {
                    why = "writes to trace listeners that production hosts do not collect";
                }
                else
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger,
                    context.Syntax.GetLocation(),
                    method.ContainingType.Name + "." + method.Name,
                    why));
            });
    }

    internal static bool IsDebugWrite(string name)
        => name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print";

    internal static bool IsTraceWrite(string name)
        => name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf"
            or "TraceError" or "TraceWarning" or "TraceInformation";
}
