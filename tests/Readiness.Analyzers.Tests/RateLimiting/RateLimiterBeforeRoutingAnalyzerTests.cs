using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5004")]
public class RateLimiterBeforeRoutingAnalyzerTests
{
    private static ReadinessTest<RateLimiterBeforeRoutingAnalyzer, EmptyCodeFixProvider> Test(params string[] sources)
    {
        var test = new ReadinessTest<RateLimiterBeforeRoutingAnalyzer>();
        test.WithImplicitUsings();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    private const string Controller = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.RateLimiting;

        [ApiController]
        [Route("orders")]
        [EnableRateLimiting("api")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok();
        }
        """;

    [Fact]
    public async Task Limiter_before_explicit_routing_with_attribute_policies_in_minimal_hosting()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.{|RDY5004:UseRateLimiter|}();
            app.UseRouting();
            app.MapControllers();
            app.Run();
            """,
            Controller).RunAsync();
    }

    [Fact]
    public async Task Limiter_before_routing_with_RequireRateLimiting_in_a_Startup_class()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));

                public void Configure(IApplicationBuilder app)
                {
                    app.{|RDY5004:UseRateLimiter|}();
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders").RequireRateLimiting("api"));
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Chained_limiter_before_routing_is_reported()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.{|RDY5004:UseRateLimiter|}().UseRouting();
            app.MapControllers();
            app.Run();
            """,
            Controller).RunAsync();
    }

    [Fact]
    public async Task Limiter_after_routing_is_clean()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.UseRouting();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """,
            Controller).RunAsync();
    }

    [Fact]
    public async Task Limiter_before_routing_with_only_a_global_limiter_is_clean()
    {
        // The global limiter does not need the endpoint: running it early is fine (even cheaper).
        await Test("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
                context => RateLimitPartition.GetConcurrencyLimiter(context.Request.Path.Value ?? "/", _ => new ConcurrencyLimiterOptions { PermitLimit = 10 })));
            var app = builder.Build();
            app.UseRateLimiter();
            app.UseRouting();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Implicit_routing_in_minimal_hosting_is_clean()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """,
            Controller).RunAsync();
    }

    [Fact]
    public async Task Calls_in_different_branches_or_methods_are_not_compared()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.Map("/admin", admin =>
            {
                admin.UseRateLimiter();
            });
            app.UseRouting();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """,
            Controller).RunAsync();
    }
}
