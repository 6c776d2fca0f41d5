namespace Readiness.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RDY5001_NoRateLimiting = Create(
        RuleIds.RDY5001_NoRateLimiting,
        title: "Add rate limiting to the web app",
        messageFormat: "This web app maps endpoints but limits no requests: add AddRateLimiter and UseRateLimiter, or set '{0} = true' in .editorconfig if a gateway or reverse proxy enforces the limits",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Without a rate limiter one client (a scraper, a retry storm, a credential-stuffing script) can take every thread, connection and database slot of the app. ASP.NET Core ships a limiter (AddRateLimiter/UseRateLimiter, .NET 7+); AspNetCoreRateLimit and limiter middleware are recognised too.");

    public static readonly DiagnosticDescriptor RDY5002_RateLimiterNotApplied = Create(
        RuleIds.RDY5002_RateLimiterNotApplied,
        title: "Apply the registered rate limiter with UseRateLimiter",
        messageFormat: "AddRateLimiter registers the limiter, but no UseRateLimiter() adds its middleware: no request is limited",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "AddRateLimiter only registers options and services. The middleware added by UseRateLimiter is what rejects requests; without it every policy and the global limiter are silently ignored.");

    public static readonly DiagnosticDescriptor RDY5009_RateLimiterOnlyInDevelopment = Create(
        RuleIds.RDY5009_RateLimiterOnlyInDevelopment,
        title: "Apply the rate limiter outside the development-only guard",
        messageFormat: "The rate limiter's middleware runs only in Development ({0}): in production no request is limited; call UseRateLimiter() outside the IsDevelopment() check",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A UseRateLimiter() inside if (app.Environment.IsDevelopment()) limits requests on the developer's machine and nowhere else: every policy and the global limiter are ignored in production, where the scrapers, retry storms and credential-stuffing scripts are.");

    public static readonly DiagnosticDescriptor RDY5003_RateLimiterNotRegistered = Create(
        RuleIds.RDY5003_RateLimiterNotRegistered,
        title: "Register the rate limiter before using its middleware",
        messageFormat: "UseRateLimiter() is called but no AddRateLimiter registers its services: the app throws at start-up",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "The rate limiting middleware checks for the services AddRateLimiter registers and throws an InvalidOperationException when the pipeline is built without them.");

    public static readonly DiagnosticDescriptor RDY5004_RateLimiterBeforeRouting = Create(
        RuleIds.RDY5004_RateLimiterBeforeRouting,
        title: "Call UseRateLimiter after UseRouting when endpoint policies are used",
        messageFormat: "UseRateLimiter() runs before UseRouting(), so no endpoint is selected yet and [EnableRateLimiting]/RequireRateLimiting policies never apply: call it after UseRouting()",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Endpoint-specific rate limiting policies are endpoint metadata. Middleware that runs before UseRouting sees no endpoint, so those policies are skipped and only the global limiter (if any) applies.");

    public static readonly DiagnosticDescriptor RDY5005_UndefinedRateLimiterPolicy = Create(
        RuleIds.RDY5005_UndefinedRateLimiterPolicy,
        title: "Define every rate limiting policy that endpoints require",
        messageFormat: "Rate limiting policy '{0}' is not defined by any AddPolicy/Add*Limiter call: requests to this endpoint throw at run time",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "The rate limiting middleware resolves [EnableRateLimiting(\"name\")] and RequireRateLimiting(\"name\") by name when a request arrives and throws when no policy has that name. A typo is only found by the first request to the endpoint.");

    public static readonly DiagnosticDescriptor RDY5006_AuthEndpointWithoutRateLimit = Create(
        RuleIds.RDY5006_AuthEndpointWithoutRateLimit,
        title: "Rate limit authentication endpoints",
        messageFormat: "'{0}' is an authentication endpoint and {1}: give it a strict policy ([EnableRateLimiting(\"auth\")] or .RequireRateLimiting(\"auth\")) against brute force and credential stuffing",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Login, registration, token, password-reset and two-factor endpoints are what brute-force, credential-stuffing and SMS/e-mail bombing scripts call. In an app that uses the built-in rate limiter, each of them needs a limit: a global limiter or a (strict) policy, and never [DisableRateLimiting].");

    public static readonly DiagnosticDescriptor RDY5007_RateLimiterRejectsWith503 = Create(
        RuleIds.RDY5007_RateLimiterRejectsWith503,
        title: "Reject rate-limited requests with 429 instead of 503",
        messageFormat: "The rate limiter keeps the default RejectionStatusCode (503 Service Unavailable), so a throttled client sees an outage; set RejectionStatusCode = StatusCodes.Status429TooManyRequests",
        RuleCategories.Reliability,
        DiagnosticSeverity.Info,
        description: "RateLimiterOptions.RejectionStatusCode defaults to 503. Clients, load balancers and monitors treat 503 as the service being down (and may retry harder or fail over); 429 Too Many Requests tells the client to back off.");

    public static readonly DiagnosticDescriptor RDY5008_GlobalLimiterWithConstantPartition = Create(
        RuleIds.RDY5008_GlobalLimiterWithConstantPartition,
        title: "Do not partition the global rate limiter by a constant",
        messageFormat: "The global limiter puts every request in partition {0}, so one client exhausts everyone's budget: partition by the authenticated user or the remote IP address",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "PartitionedRateLimiter.Create keeps one limiter per partition key. A constant key makes one shared bucket for all clients: a single noisy client gets everyone else rejected.");
}
