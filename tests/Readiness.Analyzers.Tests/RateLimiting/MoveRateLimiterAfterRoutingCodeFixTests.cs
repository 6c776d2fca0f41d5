using Readiness.Analyzers.CodeFixes.RateLimiting;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5004")]
public class MoveRateLimiterAfterRoutingCodeFixTests
{
    [Fact]
    public async Task Moves_the_limiter_after_routing_and_authorization()
    {
        var test = new ReadinessTest<RateLimiterBeforeRoutingAnalyzer, MoveRateLimiterAfterRoutingCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.{|RDY5004:UseRateLimiter|}();
            app.UseRouting();
            app.UseAuthorization();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
            app.Run();
            """).WithFixedSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRouting();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
            app.Run();
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Moves_the_limiter_in_Startup_Configure()
    {
        var test = new ReadinessTest<RateLimiterBeforeRoutingAnalyzer, MoveRateLimiterAfterRoutingCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));

                public void Configure(IApplicationBuilder app)
                {
                    app.{|RDY5004:UseRateLimiter|}();
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi").RequireRateLimiting("api"));
                }
            }
            """).WithFixedSource("""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi").RequireRateLimiting("api"));
                }
            }
            """);
        await test.RunAsync();
    }
}
