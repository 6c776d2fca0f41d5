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
/// RDY2002: <c>Debug.Write*</c>/<c>Debug.Print</c> and <c>Trace.Write*</c>/<c>Trace.Trace*</c> in a web app, worker or
/// logging-aware library. Debug calls vanish from Release builds; Trace goes to listeners a container never reads.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DebugOrTraceOutputAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var debug = start.Compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
            var trace = start.Compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
            if (debug is null && trace is null)
            {
                return;
            }

            // Debug.WriteLine(…) is recognised by looking up its receiver's name; a call the lookup cannot decide binds the
            // method it is in.
            start.RegisterSyntaxNodeAction(
                context =>
                {
                    var syntax = (InvocationExpressionSyntax)context.Node;
                    if (CandidateOperations.LastIdentifier(syntax.Expression) is not { } name
                        || !(IsDebugWrite(name) || IsTraceWrite(name))
                        || !LoggingScope.ConsoleRulesApply(context))
                    {
                        return;
                    }

                    INamedTypeSymbol? type;
                    if (syntax.Expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access
                        && access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
                        && StaticReceiver.Resolve(context.SemanticModel, access.Expression) is { } receiver)
                    {
                        // A static call names its type; a value (local, field, parameter…) or a namespace is never Debug or Trace.
                        type = receiver as INamedTypeSymbol;
                    }
                    else if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is IInvocationOperation invocation)
                    {
                        type = invocation.TargetMethod.ContainingType;
                        name = invocation.TargetMethod.Name;
                    }
                    else
                    {
                        return;
                    }

                    string why;
                    if (type is not null && SymbolEqualityComparer.Default.Equals(type, debug) && IsDebugWrite(name))
                    {
                        why = "is removed from Release builds";
                    }
                    else if (type is not null && SymbolEqualityComparer.Default.Equals(type, trace) && IsTraceWrite(name))
                    {
                        why = "writes to trace listeners that production hosts do not collect";
                    }
                    else
                    {
                        return;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.Descriptors.RDY2002_DebugOrTraceOutputInsteadOfLogger,
                        syntax.GetLocation(),
                        type.Name + "." + name,
                        why));
                },
                SyntaxKind.InvocationExpression);
        });
    }

    internal static bool IsDebugWrite(string name)
        => name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print";

    internal static bool IsTraceWrite(string name)
        => name is "Write" or "WriteLine" or "WriteIf" or "WriteLineIf"
            or "TraceError" or "TraceWarning" or "TraceInformation";
}
