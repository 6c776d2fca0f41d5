using Readiness.Analyzers.CodeFixes.RateLimiting;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5001")]
public class AddRateLimiterCodeFixTests
{
    [Fact]
    public async Task Adds_a_partitioned_global_limiter_and_the_middleware_in_minimal_hosting()
    {
        var test = new ReadinessTest<MissingRateLimitingAnalyzer, AddRateLimiterCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            var builder = {|RDY5001:WebApplication.CreateBuilder(args)|};
            builder.Services.AddControllers();

            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();
            """).WithFixedSource("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
            });

            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Adds_both_to_a_Startup_class_with_limits_from_options()
    {
        var test = new ReadinessTest<MissingRateLimitingAnalyzer, AddRateLimiterCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithOption("readiness.ratelimiting.fix_permit_limit", "20");
        test.WithOption("readiness.ratelimiting.fix_window_seconds", "10");
        test.WithSource("""
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void {|RDY5001:ConfigureServices|}(IServiceCollection services)
                {
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).WithFixedSource("""
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                            RateLimitPartition.GetFixedWindowLimiter(
                                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromSeconds(10) }));
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Turns_an_expression_bodied_ConfigureServices_into_a_block()
    {
        var test = new ReadinessTest<MissingRateLimitingAnalyzer, AddRateLimiterCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            public class Startup
            {
                public void {|RDY5001:ConfigureServices|}(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).WithFixedSource("""
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                            RateLimitPartition.GetFixedWindowLimiter(
                                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                                _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_pipeline_is_not_in_the_flagged_document()
    {
        var test = new ReadinessTest<MissingRateLimitingAnalyzer, AddRateLimiterCodeFixProvider>();
        test.WithImplicitUsings();
        const string program = """
            var builder = {|RDY5001:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            Endpoints.Map(app);
            app.Run();
            """;
        const string endpoints = """
            public static class Endpoints
            {
                public static void Map(WebApplication app) => app.MapGet("/orders", () => "orders");
            }
            """;
        test.WithSource(program).WithSource(endpoints).WithFixedSource(program).WithFixedSource(endpoints);
        await test.RunAsync();
    }
}
