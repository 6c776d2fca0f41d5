namespace Readiness.Analyzers.Health;

/// <summary>
/// RDY3001 (no health checks at all), RDY3002 (registered, never exposed), RDY3003 (exposed, never registered) and RDY3007
/// (registered, exposed only in Development): four states of one fact about the whole application — its own start-up code
/// and the start-up methods of other projects that recorded their facts (<c>AddServiceDefaults()</c>/<c>MapDefaultEndpoints()</c>
/// of a service-defaults project). Reported from a per-document action so they are live on the open <c>Program.cs</c>:
/// RDY3001–RDY3003 on the start-up anchor (<c>WebApplication.CreateBuilder(…)</c> or <c>Startup.ConfigureServices</c>), RDY3007
/// on each development-only mapping, or on the call into the project that holds it. Silent in libraries, workers, console
/// tools and test projects, and when start-up delegates to code that may register or map health checks and recorded no facts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingHealthChecksAnalyzer : ReadinessAnalyzer
{
    /// <summary>Diagnostic property: the endpoint paths the fix maps, comma-separated (from <c>readiness.health.endpoint_paths</c>).</summary>
    public const string PathsProperty = "Paths";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RDY3001_NoHealthChecks,
        Descriptors.RDY3002_HealthChecksNotExposed,
        Descriptors.RDY3003_HealthChecksNotRegistered,
        Descriptors.RDY3007_HealthChecksOnlyInDevelopment);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        HealthFacts.RegisterStartupAction(start, environment, judgesImportedCalls: true, action: (context, facts) =>
        {
            var tree = context.SemanticModel.SyntaxTree;
            var registered = !facts.Registrations.IsEmpty || !facts.ImportedRegistrations.IsEmpty;
            var exposed = !facts.Exposures.IsEmpty || !facts.ImportedExposures.IsEmpty;
            if (registered && exposed)
            {
                ReportDevelopmentOnlyExposures(context, facts, tree);
                return;
            }

            var anchors = facts.AnchorsIn(tree);
            if (anchors.IsEmpty)
            {
                return;
            }

            // A hand-rolled health route (judged by RDY3004) or a direct use of HealthCheckService is an exposure we cannot see through.
            if (!exposed && facts.HasHandRolledEndpoint(context.CancellationToken))
            {
                return;
            }

            var paths = context.Options.Get(ReadinessOptions.HealthEndpointPaths, tree);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(PathsProperty, string.Join(",", paths));
            DiagnosticDescriptor descriptor;
            string argument;
            if (!registered && !exposed)
            {
                descriptor = Descriptors.RDY3001_NoHealthChecks;
                argument = paths[0];
            }
            else if (registered)
            {
                descriptor = Descriptors.RDY3002_HealthChecksNotExposed;
                argument = paths[0];
            }
            else
            {
                descriptor = Descriptors.RDY3003_HealthChecksNotRegistered;
                argument = facts.Exposures.IsEmpty ? facts.ImportedExposures[0].Via.Name : facts.Exposures[0].Name;
            }

            foreach (var anchor in anchors)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, anchor.Location, properties, argument));
            }
        });
    }

    /// <summary>
    /// RDY3007: every exposure runs only in Development, so production has none. Reported on each development-only
    /// mapping in this file, and on each call in this file into another project whose method holds one.
    /// </summary>
    private static void ReportDevelopmentOnlyExposures(SemanticModelAnalysisContext context, HealthFacts facts, SyntaxTree tree)
    {
        foreach (var exposure in facts.Exposures)
        {
            if (exposure.Guard != EnvironmentGuard.DevelopmentOnly)
            {
                return;
            }
        }

        foreach (var exposure in facts.ImportedExposures)
        {
            if (exposure.Guard != EnvironmentGuard.DevelopmentOnly)
            {
                return;
            }
        }

        foreach (var exposure in facts.Exposures)
        {
            if (exposure.Location.SourceTree == tree)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RDY3007_HealthChecksOnlyInDevelopment, exposure.Location, exposure.Name + " under a development-only check"));
            }
        }

        var reported = new HashSet<PipelineCall>();
        foreach (var exposure in facts.ImportedExposures)
        {
            if (exposure.Via.Location.SourceTree == tree && reported.Add(exposure.Via))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RDY3007_HealthChecksOnlyInDevelopment, exposure.Via.Location, exposure.Name + " in " + exposure.Source));
            }
        }
    }
}
