namespace Readiness.Analyzers.Logging;

/// <summary>
/// RDY2001: <c>Console.Write*</c>, <c>Console.Out.Write*</c>, <c>Console.Error.Write*</c> (also through a local holding
/// <c>Console.Out</c>/<c>Console.Error</c>) in a web app, worker or logging-aware library.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsoleOutputAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY2001_ConsoleOutputInsteadOfLogger);

    protected override RuleScope Scope => RuleScope.CodeThatLogs;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var console = ConsoleWrites.Create(environment.Types);
        if (console is null)
        {
            return;
        }

        // Where console output is the program's job (a console tool, readiness.logging.console_output = never) no call
        // is bound at all; elsewhere the callee's symbol decides, and no operation tree is built.
        start.RegisterInvocationSymbolAction(
            ConsoleWrites.IsWriteName,
            context => environment.Applies(context.Node.SyntaxTree, context.CancellationToken),
            context =>
            {
                if (!console.IsConsoleWrite(context.SemanticModel, context.Syntax, context.Method, out var display, context.CancellationToken))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY2001_ConsoleOutputInsteadOfLogger,
                    context.Syntax.GetLocation(),
                    display));
            });
    }
}
