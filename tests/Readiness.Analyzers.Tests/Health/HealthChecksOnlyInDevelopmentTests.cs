using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

/// <summary>
/// RDY3007 in the app's own start-up code, both hosting styles. Across projects (an Aspire-style service-defaults project
/// mapping its endpoints in Development only): <c>WholeApplication/WholeApplicationTests</c>.
/// </summary>
[Trait("Rule", "RDY3007")]
public class HealthChecksOnlyInDevelopmentTests
{
    private static ReadinessTest<MissingHealthChecksAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<MissingHealthChecksAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Minimal_hosting_mapping_inside_IsDevelopment_is_reported_on_the_mapping()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                {|RDY3007:app.MapHealthChecks("/health")|};
            }

            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Every_mapping_after_an_early_return_in_Production_is_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            if (app.Environment.IsProduction())
            {
                app.Run();
                return;
            }

            {|RDY3007:app.MapHealthChecks("/health/live")|};
            {|RDY3007:app.MapHealthChecks("/health/ready")|};
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_mapping_inside_env_IsDevelopment_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        {|RDY3007:app.UseHealthChecks("/health")|};
                    }
                }
            }

            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_mapping_in_the_else_branch_of_IsDevelopment_runs_in_production()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/debug/config", () => "dev only");
            }
            else
            {
                app.MapHealthChecks("/health");
            }

            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task One_mapping_for_production_is_enough_even_beside_a_development_only_one()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapHealthChecks("/health/details");
            }

            app.MapHealthChecks("/health").RequireHost("*:8081");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task A_mapping_under_a_configuration_flag_may_run_in_production()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var exposeHealth = builder.Configuration.GetValue<bool>("ExposeHealth");
            var app = builder.Build();
            if (exposeHealth)
            {
                app.MapHealthChecks("/health");
            }

            app.Run();
            """).RunAsync();
    }
}
