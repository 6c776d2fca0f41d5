namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5007 (Info): <c>AddRateLimiter(options => …)</c> whose lambda never sets <c>RejectionStatusCode</c>, while nothing
/// else in the compilation sets it or <c>OnRejected</c> or configures <c>RateLimiterOptions</c> another way. Silent when
/// the options object escapes the lambda (passed to a method that may set the code) or the argument is not a lambda.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimiterRejectionStatusAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5007_RateLimiterRejectsWith503);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        if (environment.Types.Get("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions") is null)
        {
            return;
        }

        environment.RegisterStartupAction(start, StartupFeature.RateLimiting, (context, model) =>
        {
            var compilation = context.SemanticModel.Compilation;
            var tree = context.SemanticModel.SyntaxTree;
            // Another project's limiter options (the facts do not carry them) may set the status.
            var registrations = RateLimitingPipeline.HasImportedCalls(model) ? ImmutableArray<PipelineCall>.Empty : RateLimitingPipeline.Registrations(model);
            var inTree = false;
            foreach (var call in registrations)
            {
                inTree |= call.Location.SourceTree == tree;
            }

            if (!inTree)
            {
                return;
            }

            var facts = RateLimiterFacts.For(compilation, context.CancellationToken);
            if (facts.SetsRejectionStatus || facts.ConfiguresOptionsIndirectly)
            {
                return;
            }

            foreach (var call in registrations)
            {
                if (call.Location.SourceTree == tree
                    && OptionsStayInLambda(call.Invocation(context.CancellationToken)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RDY5007_RateLimiterRejectsWith503,
                        RateLimitingPipeline.NameLocation(call, context.CancellationToken)));
                }
            }
        });
    }

    /// <summary>The configure argument is a one-parameter lambda whose parameter is only ever the receiver of a member access.</summary>
    internal static bool OptionsStayInLambda(InvocationExpressionSyntax invocation)
    {
        LambdaExpressionSyntax? lambda = null;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is LambdaExpressionSyntax candidate)
            {
                lambda = candidate;
            }
        }

        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0],
            _ => null,
        };
        if (lambda is null || parameter is null)
        {
            return false;
        }

        var name = parameter.Identifier.ValueText;
        foreach (var node in lambda.Body.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier
                && identifier.Identifier.ValueText == name
                && !(identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier))
            {
                return false;
            }
        }

        return true;
    }
}
