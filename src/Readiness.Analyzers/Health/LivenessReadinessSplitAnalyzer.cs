namespace Readiness.Analyzers.Health;

/// <summary>
/// RDY3006 (advice): the app's health checks include dependency checks, but every <c>MapHealthChecks</c>/<c>UseHealthChecks</c>
/// runs all of them (no <c>HealthCheckOptions</c> with a <c>Predicate</c>), so the liveness probe fails when the database
/// does and the orchestrator restarts healthy instances. Reported on each unfiltered endpoint, per document.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LivenessReadinessSplitAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY3006_NoLivenessReadinessSplit);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        HealthFacts.RegisterStartupAction(start, environment, (context, facts) =>
        {
            var tree = context.SemanticModel.SyntaxTree;
            if (facts.Registrations.IsEmpty || facts.Exposures.IsEmpty)
            {
                return;
            }

            var inThisTree = false;
            foreach (var exposure in facts.Exposures)
            {
                inThisTree |= exposure.Location.SourceTree == tree;
            }

            if (!inThisTree || !facts.Coverage(context.CancellationToken).HasDependencyChecks)
            {
                return;
            }

            foreach (var exposure in facts.Exposures)
            {
                if (MayFilterChecks(exposure.Invocation(context.CancellationToken)))
                {
                    // One endpoint chooses its checks: the split is there (or we cannot tell).
                    return;
                }
            }

            foreach (var exposure in facts.Exposures)
            {
                if (exposure.Location.SourceTree == tree && exposure.Invocation(context.CancellationToken) is { } invocation)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RDY3006_NoLivenessReadinessSplit,
                        exposure.Location,
                        PathOf(invocation) ?? exposure.Name));
                }
            }
        });
    }

    /// <summary>
    /// True unless every argument is a plain path or port: a <c>HealthCheckOptions</c> with a <c>Predicate</c>, or options we
    /// cannot read (a variable, a method call), may select checks.
    /// </summary>
    private static bool MayFilterChecks(InvocationExpressionSyntax? invocation)
    {
        if (invocation is null)
        {
            return true;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            switch (argument.Expression)
            {
                case LiteralExpressionSyntax:
                case InterpolatedStringExpressionSyntax:
                    continue;
                case BaseObjectCreationExpressionSyntax creation:
                    if (creation.Initializer is null)
                    {
                        continue;
                    }

                    foreach (var expression in creation.Initializer.Expressions)
                    {
                        if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name }
                            || name.Identifier.ValueText == "Predicate")
                        {
                            return true;
                        }
                    }

                    continue;
                default:
                    return true;
            }
        }

        return false;
    }

    private static string? PathOf(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal.Token.ValueText;
            }
        }

        return null;
    }
}
