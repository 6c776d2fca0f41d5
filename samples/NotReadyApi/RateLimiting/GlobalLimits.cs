using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NotReadyApi.RateLimiting;

public static class GlobalLimits
{
    // RDY5008: one constant partition: a single noisy client spends everyone's budget.
    public static void Apply(RateLimiterOptions options)
        => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetFixedWindowLimiter("global", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1000,
                Window = TimeSpan.FromMinutes(1),
            }));
}
