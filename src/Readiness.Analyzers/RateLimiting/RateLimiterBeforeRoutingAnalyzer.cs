namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5004: <c>UseRateLimiter()</c> runs before an explicit <c>UseRouting()</c> in the same method body while the app uses
/// endpoint-specific policies (<c>[EnableRateLimiting]</c>, <c>RequireRateLimiting</c>). Order is judged only between calls
/// of one body (statements of one block or of the top-level program, or one call chain), never across methods.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimiterBeforeRoutingAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5004_RateLimiterBeforeRouting);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        if (environment.Types.Get("Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions") is null)
        {
            return;
        }

        environment.RegisterStartupAction(start, StartupFeature.None, (context, model) =>
        {
            var tree = context.SemanticModel.SyntaxTree;
            var middleware = RateLimitingPipeline.Middleware(model);
            var routing = model.CallsNamed("UseRouting");
            if (middleware.IsEmpty || routing.IsEmpty || !AnyIn(middleware, tree) || !AnyIn(routing, tree))
            {
                return;
            }

            if (!RateLimiterFacts.For(context.SemanticModel.Compilation, context.CancellationToken).UsesEndpointPolicies)
            {
                return;
            }

            foreach (var limiter in middleware)
            {
                if (limiter.Location.SourceTree != tree)
                {
                    continue;
                }

                var limiterCall = limiter.Invocation(context.CancellationToken);

                foreach (var route in routing)
                {
                    if (route.Location.SourceTree == tree
                        && RunsBefore(limiterCall, route.Invocation(context.CancellationToken)))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.RDY5004_RateLimiterBeforeRouting,
                            RateLimitingPipeline.NameLocation(limiter, context.CancellationToken)));
                        break;
                    }
                }
            }
        });
    }

    private static bool AnyIn(ImmutableArray<PipelineCall> calls, SyntaxTree tree)
    {
        foreach (var call in calls)
        {
            if (call.Location.SourceTree == tree)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="first"/> certainly runs before <paramref name="second"/> in one body.</summary>
    private static bool RunsBefore(InvocationExpressionSyntax first, InvocationExpressionSyntax second)
    {
        // app.UseRateLimiter().UseRouting(): the receiver runs first.
        if (second.Expression is MemberAccessExpressionSyntax member && member.Expression.Span.Contains(first.Span) && IsReceiverChain(member.Expression, first))
        {
            return true;
        }

        var firstStatement = first.FirstAncestorOrSelf<StatementSyntax>();
        var secondStatement = second.FirstAncestorOrSelf<StatementSyntax>();
        if (firstStatement is not ExpressionStatementSyntax || secondStatement is not ExpressionStatementSyntax || firstStatement == secondStatement)
        {
            return false;
        }

        // Statements of one block, or two top-level statements of the program.
        var firstParent = firstStatement.Parent is GlobalStatementSyntax g1 ? g1.Parent : firstStatement.Parent;
        var secondParent = secondStatement.Parent is GlobalStatementSyntax g2 ? g2.Parent : secondStatement.Parent;
        return firstParent is not null
            && firstParent == secondParent
            && firstParent is BlockSyntax or CompilationUnitSyntax
            && firstStatement.SpanStart < secondStatement.SpanStart
            && IsChainOnly(firstStatement, first)
            && IsChainOnly(secondStatement, second);
    }

    private static bool IsReceiverChain(ExpressionSyntax receiver, InvocationExpressionSyntax call)
    {
        for (var current = receiver; current is not null;)
        {
            if (current == call)
            {
                return true;
            }

            current = current switch
            {
                InvocationExpressionSyntax invocation => invocation.Expression,
                MemberAccessExpressionSyntax access => access.Expression,
                _ => null,
            };
        }

        return false;
    }

    /// <summary>The call is the statement's expression or part of its receiver chain (not inside a lambda or condition).</summary>
    private static bool IsChainOnly(StatementSyntax statement, InvocationExpressionSyntax call)
        => statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax outer } && IsReceiverChain(outer, call);
}
