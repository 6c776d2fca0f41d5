namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5005: <c>[EnableRateLimiting("name")]</c> or <c>.RequireRateLimiting("name")</c> with a constant name that no
/// <c>AddPolicy</c>/<c>AddFixedWindowLimiter</c>/<c>AddSlidingWindowLimiter</c>/<c>AddTokenBucketLimiter</c>/<c>AddConcurrencyLimiter</c>
/// in the compilation defines (names compared as constants, so <c>const</c> fields and <c>nameof</c> work). Only in a web app
/// that registers the built-in limiter itself; silent when a policy name is computed at run time or start-up delegates to
/// another assembly (the policy may be defined there).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndefinedRateLimiterPolicyAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5005_UndefinedRateLimiterPolicy);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        if (environment.Types.Get("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions") is null)
        {
            return;
        }

        start.RegisterSemanticModelAction(context =>
        {
            // Reported where a policy is used: a file that writes no rate-limiting name is decided without the model.
            if (RateLimiterFacts.Names.In(context.SemanticModel.SyntaxTree, context.CancellationToken).IsEmpty)
            {
                return;
            }

            var compilation = context.SemanticModel.Compilation;
            var model = environment.WebApp(context.CancellationToken);
            if (model is null || model.Delegates(StartupFeature.RateLimiting) || RateLimitingPipeline.HasImportedCalls(model) || RateLimitingPipeline.Registrations(model).IsEmpty)
            {
                return;
            }

            var facts = RateLimiterFacts.For(compilation, context.CancellationToken);
            if (facts.HasDynamicPolicyNames || facts.PolicyUses.IsEmpty)
            {
                return;
            }

            var tree = context.SemanticModel.SyntaxTree;
            foreach (var use in facts.PolicyUses)
            {
                if (use.Location.SourceTree == tree && !facts.DefinedPolicies.Contains(use.Name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RDY5005_UndefinedRateLimiterPolicy,
                        use.Location,
                        Shorten(use.Name)));
                }
            }
        });
    }

    private static string Shorten(string name) => name.Length <= 60 ? name : name.Substring(0, 57) + "...";
}
