using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Descriptors;

namespace Readiness.Analyzers.Logging;

/// <summary>
/// RDY2001: <c>Console.Write*</c>, <c>Console.Out.Write*</c>, <c>Console.Error.Write*</c> (also through a local holding
/// <c>Console.Out</c>/<c>Console.Error</c>) in a web app, worker or logging-aware library.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsoleOutputAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Descriptors.RDY2001_ConsoleOutputInsteadOfLogger);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var console = ConsoleWrites.Create(start.Compilation);
            if (console is null)
            {
                return;
            }

            // Where console output is the program's job (a console tool, readiness.logging.console_output = never) no call
            // is looked at further. Console.WriteLine(…) is recognised by looking up its receiver's name; only calls the
            // lookup cannot decide (Console.Out…, a local holding it, using static) bind the method they are in.
            start.RegisterSyntaxNodeAction(
                context =>
                {
                    var syntax = (InvocationExpressionSyntax)context.Node;
                    if (CandidateOperations.LastIdentifier(syntax.Expression) is not { } name
                        || !ConsoleWrites.IsWriteName(name)
                        || !LoggingScope.ConsoleRulesApply(context))
                    {
                        return;
                    }

                    var decided = console.IsConsoleWriteByLookup(syntax, context.SemanticModel, out var display);
                    if (decided is null
                        && context.SemanticModel.GetOperation(syntax, context.CancellationToken) is IInvocationOperation invocation
                        && console.IsConsoleWrite(invocation, out display))
                    {
                        decided = true;
                    }

                    if (decided == true)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.Descriptors.RDY2001_ConsoleOutputInsteadOfLogger,
                            syntax.GetLocation(),
                            display));
                    }
                },
                SyntaxKind.InvocationExpression);
        });
    }
}
