namespace ReadyApi.RateLimiting;

public static class RateLimitPolicies
{
    public const string Auth = "auth";
    public const string Search = "search";
}
