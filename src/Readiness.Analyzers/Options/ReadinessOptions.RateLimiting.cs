namespace Readiness.Analyzers.Options;

public static partial class ReadinessOptions
{
    public static readonly OptionDefinition<bool> RateLimitingAtGateway = new(
        "readiness.ratelimiting.enforced_by_gateway",
        false,
        "false",
        OptionDefinition<bool>.ParseBool,
        "RDY5001: true when a gateway or reverse proxy (API Management, Front Door, nginx, YARP, Envoy…) limits requests before they reach the app.");

    public static readonly OptionDefinition<ImmutableArray<string>> RateLimitingAlternatives = new(
        "readiness.ratelimiting.alternatives",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseList,
        "RDY5001: extra comma-separated start-up method names or middleware type names that limit requests (e.g. UseThrottling, ApiQuotaMiddleware).");

    public static readonly OptionDefinition<int> RateLimitingFixPermitLimit = new(
        "readiness.ratelimiting.fix_permit_limit",
        100,
        "100",
        ParseInt,
        "RDY5001 code fix: requests each user or IP address may make per window in the global limiter it adds.");

    public static readonly OptionDefinition<int> RateLimitingFixWindowSeconds = new(
        "readiness.ratelimiting.fix_window_seconds",
        60,
        "60",
        ParseInt,
        "RDY5001 code fix: the length of the fixed window, in seconds.");
}
