using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5007")]
public class RateLimiterRejectionStatusAnalyzerTests
{
    private static ReadinessTest<RateLimiterRejectionStatusAnalyzer, EmptyCodeFixProvider> Test(params string[] sources)
    {
        var test = new ReadinessTest<RateLimiterRejectionStatusAnalyzer>();
        test.WithImplicitUsings();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    [Fact]
    public async Task Limiter_without_a_rejection_status_code_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY5007:AddRateLimiter|}(options =>
                options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Limiter_without_a_rejection_status_code_in_a_Startup_class_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.{|RDY5007:AddRateLimiter|}(options =>
                    {
                        options.AddConcurrencyLimiter("reports", o => o.PermitLimit = 2);
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).RunAsync();
    }

    [Theory]
    [InlineData("options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;")]
    [InlineData("options.RejectionStatusCode = 429;")]
    [InlineData("options.OnRejected = (context, _) => { context.HttpContext.Response.StatusCode = 429; return ValueTask.CompletedTask; };")]
    [InlineData("RateLimitDefaults.Apply(options);")]
    public async Task Limiter_that_sets_the_status_or_hands_the_options_on_is_clean(string statement)
    {
        await Test($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                {{statement}}
                options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();

            public static class RateLimitDefaults
            {
                public static void Apply(RateLimiterOptions options) { }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Status_set_through_Configure_elsewhere_is_clean()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }));
            builder.Services.Configure<RateLimiterOptions>(builder.Configuration.GetSection("RateLimiter"));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Method_group_configuration_is_not_judged()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(Limits.Configure);
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();

            public static class Limits
            {
                public static void Configure(RateLimiterOptions options) { }
            }
            """).RunAsync();
    }
}
