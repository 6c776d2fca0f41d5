using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3002")]
public class HealthChecksNotExposedTests
{
    private static ReadinessTest<MissingHealthChecksAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<MissingHealthChecksAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Registered_but_never_mapped_is_reported()
    {
        await Test("""
            var builder = {|RDY3002:WebApplication.CreateBuilder(args)|};
            builder.Services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
            var app = builder.Build();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_registered_but_never_mapped_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void {|RDY3002:ConfigureServices|}(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Mapped_inside_UseEndpoints_is_clean()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapHealthChecks("/health"));
                }
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task A_custom_endpoint_that_runs_HealthCheckService_is_clean()
    {
        await Test("""
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGet("/status", async (HealthCheckService health) =>
            {
                var report = await health.CheckHealthAsync();
                return report.Status == HealthStatus.Healthy ? Results.Ok() : Results.StatusCode(503);
            });
            app.Run();
            """).RunAsync();
    }
}
