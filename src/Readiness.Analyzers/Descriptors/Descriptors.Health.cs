namespace Readiness.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RDY3001_NoHealthChecks = Create(
        RuleIds.RDY3001_NoHealthChecks,
        title: "Expose health checks",
        messageFormat: "This web app has no health checks: register them with AddHealthChecks() and expose them with MapHealthChecks(\"{0}\") so the orchestrator can tell whether it is alive and ready",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A web app without a health endpoint cannot tell its orchestrator or load balancer whether it is alive and ready: traffic is routed to instances that are still starting, stuck or cut off from their database, and broken instances are never restarted.");

    public static readonly DiagnosticDescriptor RDY3002_HealthChecksNotExposed = Create(
        RuleIds.RDY3002_HealthChecksNotExposed,
        title: "Map the registered health checks to an endpoint",
        messageFormat: "Health checks are registered with AddHealthChecks() but never exposed: add MapHealthChecks(\"{0}\") so the orchestrator can probe them",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "AddHealthChecks() only registers the checks. Without MapHealthChecks (or UseHealthChecks) no endpoint runs them, so no probe, load balancer or monitor ever sees their result.");

    public static readonly DiagnosticDescriptor RDY3003_HealthChecksNotRegistered = Create(
        RuleIds.RDY3003_HealthChecksNotRegistered,
        title: "Register health checks before mapping them",
        messageFormat: "'{0}' exposes health checks that are never registered: add builder.Services.AddHealthChecks(), or the app throws InvalidOperationException at start-up",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "MapHealthChecks and UseHealthChecks need the services that AddHealthChecks() registers; without them the app fails at start-up with 'Unable to find the required services'. Catch it at compile time.");

    public static readonly DiagnosticDescriptor RDY3007_HealthChecksOnlyInDevelopment = Create(
        RuleIds.RDY3007_HealthChecksOnlyInDevelopment,
        title: "Map health checks outside the development-only guard",
        messageFormat: "Health checks are mapped only in Development ({0}): production gets no health endpoint; map them outside the IsDevelopment() check, and restrict who can reach them instead",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A health endpoint mapped inside if (app.Environment.IsDevelopment()) exists on the developer's machine and nowhere else: the orchestrator's probes get 404 in production, so broken instances are never restarted and traffic reaches instances that are not ready. The Aspire service-defaults template maps its endpoints this way on purpose, to keep them private; production needs them mapped, behind a host filter, a port or authorization.");

    public static readonly DiagnosticDescriptor RDY3004_ConstantHealthEndpoint = Create(
        RuleIds.RDY3004_ConstantHealthEndpoint,
        title: "Do not hand-roll a health endpoint that always answers healthy",
        messageFormat: "'{0}' always answers healthy without running any check; use AddHealthChecks() and MapHealthChecks(\"{0}\") with checks for the app's dependencies",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A health endpoint that returns a constant 'ok' says the app is healthy while its database or cache is down, so the orchestrator keeps routing traffic to an instance that can only fail. Health checks run real checks and report Degraded/Unhealthy with the right status code.");

    public static readonly DiagnosticDescriptor RDY3005_DependencyWithoutHealthCheck = Create(
        RuleIds.RDY3005_DependencyWithoutHealthCheck,
        title: "Check the app's dependencies in its health checks",
        messageFormat: "{0} is registered here but no health check covers it; add {1} to the health checks",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Health checks that do not look at the database or cache report healthy while the dependency is down. Add a check for each dependency the app cannot serve requests without.");

    public static readonly DiagnosticDescriptor RDY3006_NoLivenessReadinessSplit = Create(
        RuleIds.RDY3006_NoLivenessReadinessSplit,
        title: "Separate liveness and readiness health endpoints",
        messageFormat: "'{0}' runs every health check, including dependency checks: map a liveness endpoint that runs none (Predicate = _ => false) and a readiness endpoint with the dependency checks",
        RuleCategories.Reliability,
        DiagnosticSeverity.Info,
        description: "When one endpoint runs every check and serves as liveness probe, a database outage makes the orchestrator restart every healthy instance. Liveness should say only 'the process is alive'; readiness should include the dependencies.");
}
