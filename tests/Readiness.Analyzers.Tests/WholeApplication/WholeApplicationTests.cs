using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Health;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.WholeApplication;

/// <summary>
/// Start-up split across a solution's projects: the facts a library records (its generator's <c>AssemblyMetadata</c>) reach
/// the web app that calls it — through a reference assembly as in a build, through the compilation as in the IDE — and
/// the absence rules judge the whole application.
/// </summary>
[Trait("Rule", "RDY3001")]
[Trait("Rule", "RDY3002")]
[Trait("Rule", "RDY3007")]
[Trait("Rule", "RDY5001")]
public class WholeApplicationTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new MissingHealthChecksAnalyzer(), new UncheckedDependencyAnalyzer(), new LivenessReadinessSplitAnalyzer(), new MissingRateLimitingAnalyzer());

    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task Service_defaults_that_map_health_checks_only_in_Development_leave_production_without_one(ReferenceStyle style)
    {
        var defaults = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly);
        var diagnostics = await Run(Projects.WebApp(Projects.AspireProgram, (defaults, style)));

        var health = Assert.Single(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal));
        Assert.Equal("RDY3007", health.Id);
        Assert.Equal("app.MapDefaultEndpoints()", TextOf(health));
        Assert.Contains("MapHealthChecks in Extensions.MapDefaultEndpoints in MyApp.ServiceDefaults", health.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task Service_defaults_that_map_health_checks_in_every_environment_keep_the_health_rules_quiet(ReferenceStyle style)
    {
        var defaults = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsMappedEverywhere);
        var diagnostics = await Run(Projects.WebApp(Projects.AspireProgram, (defaults, style)));

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task An_app_whose_service_defaults_add_no_rate_limiter_is_told_to_add_one(ReferenceStyle style)
    {
        var defaults = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsMappedEverywhere);
        var diagnostics = await Run(Projects.WebApp(Projects.AspireProgram, (defaults, style)));

        var limiter = Assert.Single(diagnostics, d => d.Id == "RDY5001");
        Assert.Equal("WebApplication.CreateBuilder(args)", TextOf(limiter));
    }

    [Fact]
    public async Task A_limiter_registered_and_applied_in_an_Infrastructure_project_counts()
    {
        var infrastructure = Projects.Library("MyApp.Infrastructure", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            namespace MyApp.Infrastructure;

            public static class DependencyInjection
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services)
                {
                    services.AddRateLimiter(options => options.RejectionStatusCode = 429);
                    return services;
                }

                public static WebApplication UseInfrastructure(this WebApplication app)
                {
                    app.UseRateLimiter();
                    return app;
                }
            }
            """);
        var diagnostics = await Run(Projects.WebApp("""
            using MyApp.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddInfrastructure();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseInfrastructure();
            app.MapControllers();
            app.Run();
            """, (infrastructure, ReferenceStyle.Build)));

        Assert.DoesNotContain(diagnostics, d => d.Id == "RDY5001");
    }

    [Fact]
    public async Task An_Infrastructure_project_that_registers_no_limiter_does_not_silence_the_rule_in_Startup_style()
    {
        var infrastructure = Projects.Library("MyApp.Infrastructure", """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            namespace MyApp.Infrastructure;

            public static class DependencyInjection
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
                {
                    services.AddMemoryCache();
                    services.AddHttpClient();
                    return services;
                }
            }
            """);
        var diagnostics = await Run(Projects.WebApp("""
            using MyApp.Infrastructure;

            public class Startup(IConfiguration configuration)
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddInfrastructure(configuration);
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }
            """, (infrastructure, ReferenceStyle.Build)));

        var limiter = Assert.Single(diagnostics, d => d.Id == "RDY5001");
        Assert.Equal("ConfigureServices", TextOf(limiter));
    }

    [Fact]
    public async Task A_project_without_the_package_keeps_the_absence_rules_quiet()
    {
        var defaults = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly);
        var web = Projects.WebApp(Projects.AspireProgram);
        web.WithProjectReference(defaults, ReferenceStyle.Build, withPackage: false);

        var diagnostics = await Run(web);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal) || d.Id == "RDY5001");
    }

    [Fact]
    public async Task A_library_that_turns_its_facts_off_keeps_the_absence_rules_quiet()
    {
        var defaults = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly)
            .WithGlobalOption("build_property.ReadinessStartupFacts", "false");

        var diagnostics = await Run(Projects.WebApp(Projects.AspireProgram, (defaults, ReferenceStyle.Build)));

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal) || d.Id == "RDY5001");
    }

    [Fact]
    public async Task A_library_that_calls_another_library_passes_that_librarys_facts_on()
    {
        var persistence = Projects.Library("MyApp.Persistence", """
            using Microsoft.Extensions.DependencyInjection;

            namespace MyApp.Persistence;

            public static class PersistenceRegistration
            {
                public static IServiceCollection AddPersistence(this IServiceCollection services)
                {
                    services.AddHealthChecks();
                    return services;
                }
            }
            """);
        var infrastructure = Projects.Library("MyApp.Infrastructure", """
            using Microsoft.Extensions.DependencyInjection;
            using MyApp.Persistence;

            namespace MyApp.Infrastructure;

            public static class DependencyInjection
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services) => AddStorage(services);

                private static IServiceCollection AddStorage(IServiceCollection services) => services.AddPersistence();
            }
            """).WithProjectReference(persistence, ReferenceStyle.Build);
        var diagnostics = await Run(Projects.WebApp("""
            using MyApp.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddInfrastructure();
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """, (infrastructure, ReferenceStyle.Build)));

        var health = Assert.Single(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal));
        Assert.Equal("RDY3002", health.Id);
    }

    [Fact]
    public async Task The_open_Program_cs_shows_the_diagnostic_in_the_IDE()
    {
        var defaults = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly);
        var web = Projects.WebApp(Projects.AspireProgram, (defaults, ReferenceStyle.Ide));

        var diagnostics = await web.RunOnDocumentAsync(Analyzers, "/Api/Program.cs");

        Assert.Empty(web.AnalyzerExceptions);
        Assert.Contains(diagnostics, d => d.Id == "RDY3007");
        Assert.Contains(diagnostics, d => d.Id == "RDY5001");
    }

    [Fact]
    public async Task The_open_library_file_reports_nothing_of_the_apps_rules_and_an_edit_there_reaches_the_app()
    {
        var developmentOnly = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly);
        var onLibraryFile = await developmentOnly.RunOnDocumentAsync(Analyzers, "/MyApp.ServiceDefaults/Extensions.cs");
        Assert.Empty(developmentOnly.AnalyzerExceptions);
        Assert.Empty(onLibraryFile);

        // The IDE hands the app the library's newest compilation: the fix made in the library clears the app's diagnostic.
        var before = await Projects.WebApp(Projects.AspireProgram, (developmentOnly, ReferenceStyle.Ide)).RunOnDocumentAsync(Analyzers, "/Api/Program.cs");
        var edited = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsMappedEverywhere);
        var after = await Projects.WebApp(Projects.AspireProgram, (edited, ReferenceStyle.Ide)).RunOnDocumentAsync(Analyzers, "/Api/Program.cs");

        Assert.Contains(before, d => d.Id == "RDY3007");
        Assert.DoesNotContain(after, d => d.Id == "RDY3007");
    }

    [Fact]
    public async Task A_Startup_class_calling_a_library_that_maps_health_checks_only_in_Development_is_reported_on_that_call()
    {
        var library = Projects.Library("MyApp.Platform", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            namespace MyApp.Platform;

            public static class PlatformExtensions
            {
                public static IServiceCollection AddPlatform(this IServiceCollection services)
                {
                    services.AddHealthChecks();
                    return services;
                }

                public static IApplicationBuilder UsePlatform(this IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseHealthChecks("/health");
                    }

                    return app;
                }
            }
            """);
        var diagnostics = await Run(Projects.WebApp("""
            using MyApp.Platform;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddPlatform();
                    services.AddRateLimiter(o => o.RejectionStatusCode = 429);
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UsePlatform(env);
                    app.UseRateLimiter();
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "ok"));
                }
            }

            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }
            """, (library, ReferenceStyle.Build)));

        var health = Assert.Single(diagnostics);
        Assert.Equal("RDY3007", health.Id);
        Assert.Equal("app.UsePlatform(env)", TextOf(health));
        Assert.Contains("UseHealthChecks in PlatformExtensions.UsePlatform in MyApp.Platform", health.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_endpoint_mapped_only_in_Development_in_Program_cs_is_reported_where_it_is_mapped()
    {
        var diagnostics = await Run(Projects.WebApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapHealthChecks("/health");
            }

            app.Run();
            """));

        var health = Assert.Single(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal));
        Assert.Equal("RDY3007", health.Id);
        Assert.Equal("app.MapHealthChecks(\"/health\")", TextOf(health));
    }

    [Fact]
    public async Task A_health_endpoint_mapped_outside_Development_stays_clean()
    {
        var diagnostics = await Run(Projects.WebApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/debug", () => "dev");
            }
            else
            {
                app.MapHealthChecks("/health");
            }

            app.Run();
            """));

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("RDY300", StringComparison.Ordinal));
    }

    private static async Task<ImmutableArray<Diagnostic>> Run(CompilationRunner web)
    {
        var errors = web.CreateCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var diagnostics = await web.RunAsync(Analyzers);
        Assert.Empty(web.AnalyzerExceptions);
        return diagnostics;
    }

    private static string TextOf(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
