using Readiness.Analyzers.AppModel.Facts;

namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5002: <c>AddRateLimiter</c> without <c>UseRateLimiter</c> (nothing is limited); RDY5003: <c>UseRateLimiter</c> without
/// <c>AddRateLimiter</c> (throws at start-up); RDY5009: both, but every <c>UseRateLimiter</c> runs only in Development. The
/// whole application counts: the app's own start-up code and the start-up methods of other projects that recorded their
/// facts. Each is reported on the call that is there — or on the call into the project that holds it — from a per-document
/// action. Web apps only, and silent when start-up delegates to code without facts (the missing half may be in there).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimiterRegistrationAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RDY5002_RateLimiterNotApplied,
        Descriptors.RDY5003_RateLimiterNotRegistered,
        Descriptors.RDY5009_RateLimiterOnlyInDevelopment);

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
            var importedRegistrations = RateLimitingPipeline.ImportedRegistrations(model);
            var importedMiddleware = RateLimitingPipeline.ImportedMiddleware(model);
            var registered = !registrations.IsEmpty || !importedRegistrations.IsEmpty;
            var applied = !middleware.IsEmpty || !importedMiddleware.IsEmpty;
            var tree = context.SemanticModel.SyntaxTree;
            if (registered && applied)
            {
                ReportDevelopmentOnlyMiddleware(context, tree, middleware, importedMiddleware);
                return;
            }

            if (!registered && !applied)
            {
                return;
            }

            var (calls, imported, descriptor) = applied
                ? (middleware, importedMiddleware, Descriptors.RDY5003_RateLimiterNotRegistered)
                : (registrations, importedRegistrations, Descriptors.RDY5002_RateLimiterNotApplied);
            foreach (var call in calls)
            {
                if (call.Location.SourceTree == tree)
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, RateLimitingPipeline.NameLocation(call, context.CancellationToken)));
                }
            }

            foreach (var via in Vias(imported, tree))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, via.Location));
            }
        });
    }

    /// <summary>RDY5009: every <c>UseRateLimiter</c> of the application runs only in Development.</summary>
    private static void ReportDevelopmentOnlyMiddleware(
        SemanticModelAnalysisContext context, SyntaxTree tree, ImmutableArray<PipelineCall> middleware, ImmutableArray<ImportedCall> imported)
    {
        foreach (var call in middleware)
        {
            if (call.Guard != EnvironmentGuard.DevelopmentOnly)
            {
                return;
            }
        }

        foreach (var call in imported)
        {
            if (call.Guard != EnvironmentGuard.DevelopmentOnly)
            {
                return;
            }
        }

        foreach (var call in middleware)
        {
            if (call.Location.SourceTree == tree)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY5009_RateLimiterOnlyInDevelopment,
                    RateLimitingPipeline.NameLocation(call, context.CancellationToken),
                    "UseRateLimiter under a development-only check"));
            }
        }

        foreach (var call in imported)
        {
            if (call.Via.Location.SourceTree == tree)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RDY5009_RateLimiterOnlyInDevelopment, call.Via.Location, call.Name + " in " + call.Source));
            }
        }
    }

    /// <summary>The calls in <paramref name="tree"/> into other projects that hold <paramref name="imported"/>, each once.</summary>
    private static IEnumerable<PipelineCall> Vias(ImmutableArray<ImportedCall> imported, SyntaxTree tree)
    {
        var seen = new HashSet<PipelineCall>();
        foreach (var call in imported)
        {
            if (call.Via.Location.SourceTree == tree && seen.Add(call.Via))
            {
                yield return call.Via;
            }
        }
    }
}
