namespace Readiness.Analyzers.Health;

/// <summary>
/// RDY3001 (no health checks at all), RDY3002 (registered, never exposed) and RDY3003 (exposed, never registered): three
/// states of one fact, reported once per web app on its start-up anchor (<c>WebApplication.CreateBuilder(…)</c> or
/// <c>Startup.ConfigureServices</c>) from a per-document action, so they are live on the open <c>Program.cs</c>.
/// Silent in libraries, workers, console tools and test projects, and when start-up delegates to code from another
/// assembly that may register or map health checks (<c>AddServiceDefaults()</c>/<c>MapDefaultEndpoints()</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingHealthChecksAnalyzer : ReadinessAnalyzer
{
    /// <summary>Diagnostic property: the endpoint paths the fix maps, comma-separated (from <c>readiness.health.endpoint_paths</c>).</summary>
    public const string PathsProperty = "Paths";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RDY3001_NoHealthChecks,
        Descriptors.RDY3002_HealthChecksNotExposed,
        Descriptors.RDY3003_HealthChecksNotRegistered);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        HealthFacts.RegisterStartupAction(start, environment, (context, facts) =>
        {
            var tree = context.SemanticModel.SyntaxTree;
            var anchors = facts.AnchorsIn(tree);
            if (anchors.IsEmpty)
            {
                return;
            }

            var registered = !facts.Registrations.IsEmpty;
            var exposed = !facts.Exposures.IsEmpty;
            if (registered && exposed)
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
                argument = facts.Exposures[0].Name;
            }

            foreach (var anchor in anchors)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, anchor.Location, properties, argument));
            }
        });
    }
}
