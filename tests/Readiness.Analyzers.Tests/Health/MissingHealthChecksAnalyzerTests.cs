using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3001")]
public class MissingHealthChecksAnalyzerTests
{
    private static ReadinessTest<MissingHealthChecksAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<MissingHealthChecksAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Minimal_hosting_without_health_checks_is_reported_on_CreateBuilder()
    {
        await Test("""
            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_without_health_checks_is_reported_on_ConfigureServices_only()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void {|RDY3001:ConfigureServices|}(IServiceCollection services)
                {
                    services.AddControllers();
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
    public async Task The_message_names_the_configured_path()
    {
        await Test("""
            var builder = {|#0:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            app.Run();
            """)
            .WithOption("readiness.health.endpoint_paths", "/healthz")
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY3001_NoHealthChecks).WithLocation(0).WithArguments("/healthz"))
            .RunAsync();
    }

    [Fact]
    public async Task Registered_and_mapped_health_checks_are_clean()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_with_UseHealthChecks_is_clean()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app) => app.UseHealthChecks("/health");
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Registration_in_an_extension_method_of_the_same_project_counts()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddInfrastructure();
            var app = builder.Build();
            app.MapObservability();
            app.Run();

            public static class InfrastructureExtensions
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services)
                {
                    services.AddHealthChecks();
                    return services;
                }

                public static WebApplication MapObservability(this WebApplication app)
                {
                    app.MapHealthChecks("/health");
                    return app;
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_hand_rolled_health_endpoint_is_left_to_RDY3004()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/health", () => Results.Ok("Healthy"));
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task A_health_route_on_a_controller_or_a_call_to_HealthCheckService_is_hand_rolled_too()
    {
        await new ReadinessTest<MissingHealthChecksAnalyzer>().WithImplicitUsings()
            .WithSource("""
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers();
                app.Run();
                """)
            .WithSource("""
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class StatusController : ControllerBase
                {
                    [HttpGet("/healthz")]
                    public IActionResult Get() => Ok("Healthy");
                }
                """)
            .RunAsync();

        await new ReadinessTest<MissingHealthChecksAnalyzer>().WithImplicitUsings()
            .WithSource("""
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/status", async (Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService health) => (await health.CheckHealthAsync()).Status.ToString());
                app.Run();
                """)
            .RunAsync();
    }

    [Fact]
    public async Task A_health_route_in_a_comment_or_a_message_is_not_an_endpoint()
    {
        await Test("""
            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            // app.MapGet("/health", () => "Healthy");
            app.MapGet("/", () => "app.MapGet(\"/health\", …) comes later");
            app.Run();
            """).RunAsync();
    }

    [Theory]
    [InlineData(TestProjectKind.Library)]
    [InlineData(TestProjectKind.Test)]
    [InlineData(TestProjectKind.Worker)]
    public async Task Not_reported_outside_web_apps(TestProjectKind kind)
    {
        await new ReadinessTest<MissingHealthChecksAnalyzer>().As(kind).WithSource("""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class Composition
            {
                public static IHost Create(string[] args)
                {
                    var builder = Host.CreateApplicationBuilder(args);
                    builder.Services.AddLogging();
                    return builder.Build();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_worker_on_the_generic_host_is_not_reported()
    {
        await new ReadinessTest<MissingHealthChecksAnalyzer>().As(TestProjectKind.Worker).WithImplicitUsings().WithSource("""
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHostedService<Worker>();
            builder.Build().Run();

            public sealed class Worker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Silent_when_start_up_delegates_to_another_assembly()
    {
        // builder.AddServiceDefaults() (Aspire's ServiceDefaults project) registers and maps health checks where we cannot see.
        var test = Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.Run();
            """);
        AddServiceDefaultsProject(test);
        await test.RunAsync();
    }

    [Fact]
    public async Task Silent_when_a_framework_package_sets_up_probes()
    {
        // Microsoft.Extensions.Diagnostics.Probes: AddKubernetesProbes() registers health checks and a probe listener we do not model.
        var test = Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddKubernetesProbes();
            var app = builder.Build();
            app.Run();
            """);
        var project = test.TestState.AdditionalProjects["Microsoft.Extensions.Diagnostics.Probes"];
        project.AdditionalReferences.AddRange(TestReferences.All);
        project.Sources.Add(("/Probes/Probes.cs", """
            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class KubernetesProbesExtensions
                {
                    public static IServiceCollection AddKubernetesProbes(this IServiceCollection services) => services;
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("Microsoft.Extensions.Diagnostics.Probes");
        await test.RunAsync();
    }

    [Fact]
    public async Task A_library_extension_known_not_to_touch_health_checks_is_not_delegation()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            builder.Services.AddNpgsql<AppDbContext>("Host=db");
            var app = builder.Build();
            app.Run();
            """).WithSource(HealthSources.AppDbContext).RunAsync();
    }

    [Fact]
    public async Task Rules_1_to_3_show_on_the_open_Program_cs()
    {
        // The IDE analyzes open documents: the diagnostics must come from a per-document action, not a compilation-end one.
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MissingHealthChecksAnalyzer());
        const string controller = """
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """;
        var cases = new (string Program, string Id)[]
        {
            ("var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.Run();\n", "RDY3001"),
            ("var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddHealthChecks();\nvar app = builder.Build();\napp.Run();\n", "RDY3002"),
            ("var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapHealthChecks(\"/health\");\napp.Run();\n", "RDY3003"),
        };
        foreach (var (program, id) in cases)
        {
            var runner = new CompilationRunner()
                .WithImplicitUsings()
                .WithSource("/0/Program.cs", program)
                .WithSource("/0/OrdersController.cs", controller);
            var diagnostics = await runner.RunOnDocumentAsync(analyzers, "/0/Program.cs");
            Assert.Empty(runner.AnalyzerExceptions);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal("/0/Program.cs", diagnostic.Location.SourceTree!.FilePath);
            Assert.StartsWith("WebApplication.CreateBuilder", diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan), StringComparison.Ordinal);

            var onController = await runner.RunOnDocumentAsync(analyzers, "/0/OrdersController.cs");
            Assert.Empty(onController);
        }
    }

    internal static void AddServiceDefaultsProject<TAnalyzer, TFix>(ReadinessTest<TAnalyzer, TFix> test)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var project = test.TestState.AdditionalProjects["ServiceDefaults"];
        project.AdditionalReferences.AddRange(TestReferences.All);
        project.Sources.Add(("/ServiceDefaults/Extensions.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            namespace Microsoft.Extensions.Hosting
            {
                public static class ServiceDefaultsExtensions
                {
                    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
                    {
                        builder.Services.AddHealthChecks();
                        return builder;
                    }

                    public static WebApplication MapDefaultEndpoints(this WebApplication app)
                    {
                        app.MapHealthChecks("/health");
                        return app;
                    }
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("ServiceDefaults");
    }
}
