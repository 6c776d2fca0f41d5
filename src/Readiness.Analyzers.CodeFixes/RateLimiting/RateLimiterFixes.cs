namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// What the rate limiting fixes insert, for the <see cref="StartupEditor"/> to place: the middleware (in the rate limiting
/// row of <see cref="MiddlewareOrder"/>: after routing, CORS and authentication, before the endpoints) and the registration.
/// </summary>
internal static class RateLimiterFixes
{
    public const string BuilderNamespace = "Microsoft.AspNetCore.Builder";
    public const string HttpNamespace = "Microsoft.AspNetCore.Http";
    public const string RateLimitingNamespace = "System.Threading.RateLimiting";

    /// <summary><c>app.UseRateLimiter()</c>.</summary>
    public static StartupCall UseRateLimiter() => StartupCall.Of("UseRateLimiter", BuilderNamespace);

    /// <summary>
    /// <c>services.AddRateLimiter(<paramref name="configure"/>)</c>, with the namespaces of the types the configure lambda
    /// names: <c>StatusCodes</c>, and with <paramref name="usesPartitions"/> <c>PartitionedRateLimiter</c> and <c>TimeSpan</c>.
    /// </summary>
    public static StartupCall AddRateLimiter(ExpressionSyntax configure, bool usesPartitions)
    {
        var call = StartupCall.Of("AddRateLimiter", BuilderNamespace, configure)
            .Naming("StatusCodes", HttpNamespace + ".StatusCodes", HttpNamespace);
        return usesPartitions
            ? call.Naming("PartitionedRateLimiter", RateLimitingNamespace + ".PartitionedRateLimiter", RateLimitingNamespace)
                .Naming("TimeSpan", "System.TimeSpan", "System")
            : call;
    }
}
