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

    [Fact]
    public async Task Fix_all_moves_every_limiter_of_a_body_not_only_the_first()
    {
        // Two calls before routing, two RDY5004s in one document: Fix All moves both in one pass.
        var test = new ReadinessTest<RateLimiterBeforeRoutingAnalyzer, MoveRateLimiterAfterRoutingCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.{|RDY5004:UseRateLimiter|}();
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
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
            app.Run();
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_moves_the_limiters_of_top_level_statements_and_Startup_each_within_its_own_body()
    {
        // One file, two pipelines: each limiter moves after the routing of its own body, never into the other one.
        var test = new ReadinessTest<RateLimiterBeforeRoutingAnalyzer, MoveRateLimiterAfterRoutingCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.{|RDY5004:UseRateLimiter|}();
            app.UseRouting();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
            app.Run();

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|RDY5004:UseRateLimiter|}();
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi").RequireRateLimiting("api"));
                }
            }
            """).WithFixedSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.UseRouting();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
            app.Run();

            public class Startup
            {
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
