namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5001: a web app that maps endpoints or controllers and limits no request — no built-in limiter (either half),
/// no AspNetCoreRateLimit, no limiter middleware, no team-listed alternative, and no gateway declared in the options.
/// Reported on <c>WebApplication.CreateBuilder(…)</c> or <c>Startup.ConfigureServices</c> from a per-document action,
/// so the squiggle is live on the open file. Silent when start-up delegates to another assembly's extension methods:
/// what they register cannot be seen, and a false "no rate limiting" on a well-built app costs more than a miss.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRateLimitingAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5001_NoRateLimiting);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        if (environment.Types.Get("Microsoft.AspNetCore.Builder.IApplicationBuilder") is null)
        {
            return;
        }

        environment.RegisterStartupAction(start, StartupFeature.RateLimiting, (context, model) =>
        {
            var tree = context.SemanticModel.SyntaxTree;
            var anchors = model.AnchorsIn(tree);
            if (anchors.IsEmpty
                || context.Options.Get(ReadinessOptions.RateLimitingAtGateway, tree)
                || !RateLimitingPipeline.MapsEndpoints(model, context.CancellationToken)
                || RateLimitingPipeline.HasAnyLimiter(model, context.Options.Get(ReadinessOptions.RateLimitingAlternatives, tree), context.CancellationToken))
            {
                return;
            }

            // With a Startup class, report on ConfigureServices only (not also on Program's host builder).
            var hasStartup = !model.StartupTypes.IsEmpty;
            foreach (var anchor in anchors)
            {
                if (hasStartup != (anchor.Style == StartupStyle.StartupClass))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY5001_NoRateLimiting,
                    anchor.Location,
                    ReadinessOptions.RateLimitingAtGateway.Key));
            }
        });
    }
}
