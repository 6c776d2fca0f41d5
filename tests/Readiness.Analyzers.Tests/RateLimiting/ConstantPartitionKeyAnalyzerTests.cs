using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5008")]
public class ConstantPartitionKeyAnalyzerTests
{
    private static ReadinessTest<ConstantPartitionKeyAnalyzer, EmptyCodeFixProvider> Test(string source)
    {
        var test = new ReadinessTest<ConstantPartitionKeyAnalyzer>();
        test.WithImplicitUsings();
        test.WithSource(source);
        return test;
    }

    private static string Program(string globalLimiter) => $$"""
        using System.Threading.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            {{globalLimiter}}
        });
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapGet("/", () => "hi");
        app.Run();

        public static class Keys
        {
            public const string Everyone = "everyone";
        }
        """;

    [Fact]
    public async Task Literal_partition_key_in_the_global_limiter_is_reported()
    {
        await Test(Program("""
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter({|#0:"global"|}, _ => new FixedWindowRateLimiterOptions { PermitLimit = 1000, Window = TimeSpan.FromMinutes(1) }));
            """))
            .Expect(new DiagnosticResult(Descriptors.RDY5008_GlobalLimiterWithConstantPartition).WithLocation(0).WithArguments("\"global\""))
            .RunAsync();
    }

    [Fact]
    public async Task Const_field_partition_key_in_a_block_body_is_reported()
    {
        await Test(Program("""
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                return RateLimitPartition.GetTokenBucketLimiter(
                    partitionKey: {|RDY5008:Keys.Everyone|},
                    _ => new TokenBucketRateLimiterOptions { TokenLimit = 100, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1) });
            });
            """)).RunAsync();
    }

    [Theory]
    [InlineData("context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? \"anonymous\"")]
    [InlineData("context.Connection.RemoteIpAddress!.ToString()")]
    [InlineData("context.Request.Headers.Host.ToString()")]
    public async Task Partition_by_the_request_is_clean(string key)
    {
        await Test(Program($$"""
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter({{key}}, _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
            """)).RunAsync();
    }

    [Fact]
    public async Task Authenticated_users_partitioned_and_anonymous_shared_is_clean()
    {
        await Test(Program("""
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetFixedWindowLimiter(context.User.Identity.Name!, _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetFixedWindowLimiter("anonymous", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
            """)).RunAsync();
    }

    [Fact]
    public async Task Constant_concurrency_cap_protecting_the_server_is_clean()
    {
        await Test(Program("""
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
                RateLimitPartition.GetConcurrencyLimiter("server", _ => new ConcurrencyLimiterOptions { PermitLimit = 500 }));
            """)).RunAsync();
    }

    [Fact]
    public async Task Constant_keys_outside_the_global_limiter_are_clean()
    {
        // Per-endpoint policies and outbound limiters may share one budget on purpose.
        await Test(Program("""
            options.AddPolicy("shared-downstream", _ =>
                RateLimitPartition.GetFixedWindowLimiter("downstream", _ => new FixedWindowRateLimiterOptions { PermitLimit = 50, Window = TimeSpan.FromSeconds(1) }));
            var outbound = PartitionedRateLimiter.Create<HttpRequestMessage, string>(_ =>
                RateLimitPartition.GetFixedWindowLimiter("partner-api", _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromSeconds(1) }));
            """)).RunAsync();
    }
}
