using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3006")]
public class LivenessReadinessSplitAnalyzerTests
{
    private static ReadinessTest<LivenessReadinessSplitAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<LivenessReadinessSplitAnalyzer>().WithImplicitUsings().WithSource(source).WithSource(HealthSources.AppDbContext);

    [Fact]
    public async Task One_endpoint_running_the_database_check_is_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/health")|};
            app.Run();
            """)
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY3006_NoLivenessReadinessSplit).WithLocation(0).WithArguments("/health"))
            .RunAsync();
    }

    [Fact]
    public async Task Startup_class_UseHealthChecks_running_everything_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks().AddRedis("redis:6379");

                public void Configure(IApplicationBuilder app) => {|RDY3006:app.UseHealthChecks("/health")|};
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Liveness_and_readiness_endpoints_are_clean()
    {
        await Test("""
            using Microsoft.AspNetCore.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: new[] { "ready" });
            var app = builder.Build();
            app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
            app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Only_in_process_checks_need_no_split()
    {
        await Test("""
            using Microsoft.AspNetCore.Diagnostics.HealthChecks;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy());
            var app = builder.Build();
            app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Options_we_cannot_read_are_trusted()
    {
        await Test("""
            using Microsoft.AspNetCore.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
            var app = builder.Build();
            var options = HealthOptions.Create();
            app.MapHealthChecks("/health", options);
            app.Run();

            public static class HealthOptions
            {
                public static HealthCheckOptions Create() => new() { Predicate = _ => true };
            }
            """).RunAsync();
    }
}
