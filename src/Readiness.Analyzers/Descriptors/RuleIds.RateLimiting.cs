namespace Readiness.Analyzers;

public static partial class RuleIds
{
    public const string RDY5001_NoRateLimiting = "RDY5001";
    public const string RDY5002_RateLimiterNotApplied = "RDY5002";
    public const string RDY5003_RateLimiterNotRegistered = "RDY5003";
    public const string RDY5004_RateLimiterBeforeRouting = "RDY5004";
    public const string RDY5005_UndefinedRateLimiterPolicy = "RDY5005";
    public const string RDY5006_AuthEndpointWithoutRateLimit = "RDY5006";
    public const string RDY5007_RateLimiterRejectsWith503 = "RDY5007";
    public const string RDY5008_GlobalLimiterWithConstantPartition = "RDY5008";
    public const string RDY5009_RateLimiterOnlyInDevelopment = "RDY5009";
}
