using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3004")]
public class ConstantHealthEndpointAnalyzerTests
{
    private static ReadinessTest<ConstantHealthEndpointAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<ConstantHealthEndpointAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Minimal_api_health_endpoints_returning_constants_are_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet({|RDY3004:"/health"|}, () => Results.Ok(new { status = "ok" }));
            app.MapGet({|RDY3004:"/healthz"|}, () => "Healthy");
            app.MapGet({|RDY3004:"/api/health/ready"|}, () => TypedResults.Ok(new { Status = "Healthy", Time = DateTime.UtcNow, Host = Environment.MachineName }));
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Health_routes_given_as_constants_are_read_and_other_literal_routes_stay_clean()
    {
        // A literal route that is not a health route is ruled out before binding; a constant route is bound and read.
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet({|RDY3004:Routes.Health|}, () => "Healthy");
            app.MapGet(Routes.Version, () => "1.0.0");
            app.MapGet("/status-page", () => Results.Ok(new { status = "ok" }));
            app.MapGet("/orders/{id}", (int id) => Results.Ok(id));
            app.Run();

            public static class Routes
            {
                public const string Health = "/health";
                public const string Version = "/version";
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_style_endpoint_writing_a_constant_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRouting();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet({|RDY3004:"/health"|}, async context =>
                        {
                            context.Response.StatusCode = 200;
                            await context.Response.WriteAsync("OK");
                        });
                    });
                }
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Controller_actions_routed_health_returning_constants_are_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/[controller]")]
            public class HealthController : ControllerBase
            {
                [HttpGet]
                public IActionResult {|RDY3004:Get|}() => Ok(new { Status = "Healthy" });
            }

            [ApiController]
            public class StatusController : ControllerBase
            {
                [HttpGet("health")]
                public ActionResult<string> {|RDY3004:Health|}()
                {
                    return "ok";
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Controller_routes_given_as_constants_or_on_another_part_are_read()
    {
        await Test("""
            using Microsoft.AspNetCore.Mvc;

            public static class Routes
            {
                public const string Health = "api/health";
            }

            [ApiController]
            [Route(Routes.Health)]
            public class ProbeController : ControllerBase
            {
                [HttpGet]
                public IActionResult {|RDY3004:Get|}() => Ok("Healthy");
            }

            [ApiController]
            [Route("ready")]
            public partial class ReadyController : ControllerBase
            {
            }

            public partial class ReadyController
            {
                [HttpGet]
                public string {|RDY3004:Get|}() => "ok";
            }

            [ApiController]
            [Route("api/orders")]
            public class OrdersController : ControllerBase
            {
                [HttpGet("{id:int}")]
                public IActionResult Get(int id) => Ok("order");

                [HttpGet("count")]
                public int Count() => 42;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Liveness_routes_may_answer_a_constant()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/health/live", () => Results.Ok());
            app.MapGet("/alive", () => "ok");
            app.MapGet("/version", () => "1.0.0");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Endpoints_that_consult_health_checks_or_the_database_are_clean()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            var app = builder.Build();
            app.MapGet("/health", async (HealthCheckService health) =>
            {
                var report = await health.CheckHealthAsync();
                return report.Status == HealthStatus.Healthy ? Results.Ok(report.Status.ToString()) : Results.StatusCode(503);
            });
            app.MapGet("/ready", async (AppDbContext db) => await db.Database.CanConnectAsync() ? Results.Ok() : Results.StatusCode(503));
            app.Run();
            """).WithSource(HealthSources.AppDbContext).RunAsync();
    }

    [Fact]
    public async Task A_controller_that_runs_the_health_checks_is_clean()
    {
        await Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            [ApiController]
            [Route("health")]
            public class HealthController(HealthCheckService health) : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> Get()
                {
                    var report = await health.CheckHealthAsync();
                    return report.Status == HealthStatus.Healthy ? Ok("Healthy") : StatusCode(503);
                }

                [HttpGet("live")]
                public IActionResult Live() => Ok();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_constant_endpoint_beside_real_mapped_health_checks_is_the_liveness_probe()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health/ready");
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Not_reported_in_a_library()
    {
        await new ReadinessTest<ConstantHealthEndpointAnalyzer>().As(TestProjectKind.Library).WithImplicitUsings().WithSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            public static class Endpoints
            {
                public static void MapStatus(this IEndpointRouteBuilder app) => app.MapGet("/health", () => "ok");
            }
            """).RunAsync();
    }
}
