namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5002: <c>AddRateLimiter</c> without <c>UseRateLimiter</c> (nothing is limited); RDY5003: <c>UseRateLimiter</c> without
/// <c>AddRateLimiter</c> (throws at start-up). Each is reported on the call that is there, from a per-document action.
/// Web apps only, and silent when start-up delegates to another assembly (the missing half may be in there).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimiterRegistrationAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RDY5002_RateLimiterNotApplied,
        Descriptors.RDY5003_RateLimiterNotRegistered);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        if (environment.Types.Get("Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions") is null)
        {
            return;
        }

        environment.RegisterStartupAction(start, StartupFeature.RateLimiting, (context, model) =>
        {
            var registrations = RateLimitingPipeline.Registrations(model);
            var middleware = RateLimitingPipeline.Middleware(model);
            if (registrations.IsEmpty == middleware.IsEmpty)
            {
                return;
            }

            var tree = context.SemanticModel.SyntaxTree;
            var (calls, descriptor) = middleware.IsEmpty
                ? (registrations, Descriptors.RDY5002_RateLimiterNotApplied)
                : (middleware, Descriptors.RDY5003_RateLimiterNotRegistered);
            foreach (var call in calls)
            {
                if (call.Location.SourceTree == tree)
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, RateLimitingPipeline.NameLocation(call, context.CancellationToken)));
                }
            }
        });
    }
}
