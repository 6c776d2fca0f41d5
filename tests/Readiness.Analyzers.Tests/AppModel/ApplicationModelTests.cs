using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.AppModel;

public class ApplicationModelTests
{
    private static ApplicationModel Build(CompilationRunner runner)
        => ApplicationModel.For(runner.CreateCompilation(), runner.CreateOptions(), CancellationToken.None);

    [Fact]
    public void Minimal_hosting_is_a_web_app_and_its_pipeline_is_recorded()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddRateLimiter(_ => { });
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRateLimiter();
            app.MapHealthChecks("/health");
            app.MapControllers();
            app.Run();
            """));

        Assert.Equal(ProjectKind.WebApp, model.Kind);
        Assert.Single(model.HostCreations);
        Assert.Equal(PipelineTarget.Services, model.CallsNamed("AddHealthChecks").Single().Target);
        Assert.Equal(PipelineTarget.Application, model.CallsNamed("MapHealthChecks").Single().Target);
        Assert.True(model.Has("UseRateLimiter"));
        Assert.True(model.Has("AddControllers"));
        Assert.False(model.Has("UseHsts"));
        Assert.False(model.DelegatesToOtherAssemblies);
        var tree = model.HostCreations[0].Location.SourceTree!;
        Assert.Single(model.AnchorsIn(tree));
        Assert.Equal(StartupStyle.MinimalHosting, model.AnchorsIn(tree)[0].Style);
    }

    [Fact]
    public void Startup_class_style_is_a_web_app_anchored_on_ConfigureServices()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithSource("/0/Startup.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();
                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """));

        Assert.Equal(ProjectKind.WebApp, model.Kind);
        Assert.Single(model.StartupTypes);
        Assert.True(model.Has("AddHealthChecks"));
        Assert.True(model.Has("UseRouting"));
        var anchors = model.AnchorsIn(model.StartupTypes[0].Locations[0].SourceTree!);
        Assert.Contains(anchors, a => a.Style == StartupStyle.StartupClass);
    }

    [Fact]
    public void Start_up_code_is_bound_and_other_pipeline_calls_count_by_name()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings()
            .WithSource("/0/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddInfrastructure();
                var app = builder.Build();
                HealthEndpoints.Map(app);
                app.Run();
                """)
            .WithSource("/0/Infrastructure.cs", """
                public static class InfrastructureExtensions
                {
                    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
                    {
                        services.AddHealthChecks();
                        return services;
                    }
                }
                """)
            .WithSource("/0/HealthEndpoints.cs", """
                public static class HealthEndpoints
                {
                    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapHealthChecks("/health");
                }

                public sealed class MetricsModule(IEndpointRouteBuilder endpoints)
                {
                    public void Register() => endpoints.MapGet("/metrics", () => "metrics");
                }
                """));

        // Builder extensions and methods that take a builder are start-up code: bound.
        Assert.Single(model.CallsNamed("AddHealthChecks"));
        Assert.Single(model.CallsNamed("MapHealthChecks"));
        // Anything else counts by name only.
        Assert.True(model.Has("MapGet"));
        Assert.Empty(model.CallsNamed("MapGet"));
        Assert.False(model.DelegatesToOtherAssemblies);
    }

    [Fact]
    public void Calls_in_comments_strings_and_disabled_code_are_not_in_the_pipeline()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings()
            .WithSource("/0/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                // builder.Services.AddRateLimiter(_ => { });
                var app = builder.Build();
                /* app.UseRateLimiter(); */
                app.Logger.LogInformation("call app.UseHsts() in production");
                #if NEVER
                app.MapHealthChecks("/health");
                #endif
                app.Run();
                """)
            .WithSource("/0/Notes.cs", """
                /// <summary>Remember app.UseHttpsRedirection();</summary>
                public static class Notes
                {
                    public const string Todo = "services.AddHealthChecks()";
                }
                """));

        Assert.Single(model.HostCreations);
        foreach (var name in new[] { "AddRateLimiter", "UseRateLimiter", "UseHsts", "MapHealthChecks", "UseHttpsRedirection", "AddHealthChecks" })
        {
            Assert.False(model.Has(name), name);
        }
    }

    [Fact]
    public void Calls_are_recorded_in_the_order_a_walk_of_the_tree_meets_them()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings()
            .WithSource("/0/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRouting().AddHealthChecks();
                var app = builder.Build();
                app.UseRouting();
                app.MapHealthChecks("/health").RequireHost("*:8080");
                app.Run();
                """));

        // An outer call before the calls in its receiver, then on in source order.
        Assert.Equal(
            new[] { "CreateBuilder", "AddHealthChecks", "AddRouting", "UseRouting", "MapHealthChecks" },
            model.Calls.Select(c => c.Name).Where(n => n != "RequireHost"));
    }

    [Fact]
    public void Static_extension_calls_are_classified_and_health_check_packages_are_not_opaque_delegation()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            HealthCheckServiceCollectionExtensions.AddHealthChecks(builder.Services).AddNpgSql("Host=db");
            var app = builder.Build();
            app.Run();
            """));

        Assert.Equal(PipelineTarget.Services, model.CallsNamed("AddHealthChecks").Single().Target);
        Assert.Single(model.CallsNamed("AddNpgSql"));
        Assert.False(model.DelegatesToOtherAssemblies);
    }

    [Fact]
    public void Well_known_package_extensions_are_not_opaque_delegation()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStackExchangeRedisCache(o => o.Configuration = "redis");
            builder.Services.AddEntityFrameworkNpgsql();
            var app = builder.Build();
            app.Run();
            """));

        // Both come from packages: Microsoft.Extensions.Caching.StackExchangeRedis is framework, Npgsql a known library.
        Assert.False(model.DelegatesToOtherAssemblies);
    }

    [Theory]
    [InlineData(TestProjectKind.Library, ProjectKind.Library)]
    [InlineData(TestProjectKind.Test, ProjectKind.TestProject)]
    [InlineData(TestProjectKind.Console, ProjectKind.ConsoleTool)]
    [InlineData(TestProjectKind.Worker, ProjectKind.Worker)]
    [InlineData(TestProjectKind.Web, ProjectKind.WebApp)]
    public void Build_properties_decide_the_kind_when_code_cannot(TestProjectKind given, ProjectKind expected)
    {
        var model = Build(new CompilationRunner().As(given).WithSource("/0/C.cs", "public class C { }"));
        Assert.Equal(expected, model.Kind);
    }

    [Fact]
    public void A_generic_host_with_a_hosted_service_is_a_worker()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithSource("/0/Program.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHostedService<Worker>();
            builder.Build().Run();

            public sealed class Worker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            """));

        Assert.Equal(ProjectKind.Worker, model.Kind);
        Assert.Contains(model.CallsNamed("AddHostedService"), c => c.Method.TypeArguments.Single().Name == "Worker");
    }

    [Fact]
    public void Option_overrides_the_detected_kind()
    {
        var model = Build(new CompilationRunner().WithGlobalOption("readiness.project_kind", "console").WithSource("/0/C.cs", "public class C { }"));
        Assert.Equal(ProjectKind.ConsoleTool, model.Kind);
        Assert.Equal(ProjectKind.WebApp, model.DetectedKind);
    }

    [Fact]
    public void Built_once_per_compilation_and_shared()
    {
        var runner = new CompilationRunner().WithSource("/0/C.cs", "public class C { }");
        var compilation = runner.CreateCompilation();
        var options = runner.CreateOptions();
        Assert.Same(
            ApplicationModel.For(compilation, options, CancellationToken.None),
            ApplicationModel.For(compilation, options, CancellationToken.None));
    }

    [Fact]
    public void The_kind_follows_the_options_the_model_is_asked_with_while_the_scan_is_shared()
    {
        var runner = new CompilationRunner().WithSource("/0/C.cs", "public class C { }");
        var compilation = runner.CreateCompilation();
        var web = ApplicationModel.For(compilation, runner.CreateOptions(), CancellationToken.None);
        var console = ApplicationModel.For(
            compilation,
            new CompilationRunner().WithGlobalOption("readiness.project_kind", "console").CreateOptions(),
            CancellationToken.None);

        // Before, the first caller's options decided the kind for every caller of the same compilation.
        Assert.Equal(ProjectKind.WebApp, web.Kind);
        Assert.Equal(ProjectKind.ConsoleTool, console.Kind);
        Assert.Same(PipelineScan.For(compilation, CancellationToken.None), PipelineScan.For(compilation, CancellationToken.None));
    }

    [Fact]
    public void Start_up_calls_carry_their_environment_guard_and_syntax()
    {
        var model = Build(new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapHealthChecks("/health");
            }
            else
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """));

        Assert.Equal(EnvironmentGuard.DevelopmentOnly, model.CallsNamed("MapHealthChecks").Single().Guard);
        Assert.Equal(EnvironmentGuard.ProductionOnly, model.CallsNamed("UseHsts").Single().Guard);
        Assert.Equal(EnvironmentGuard.Unguarded, model.CallsNamed("UseHttpsRedirection").Single().Guard);
        var map = model.CallsNamed("MapHealthChecks").Single();
        Assert.Equal(map.Location.SourceSpan, map.Invocation(CancellationToken.None).Span);
    }

    [Theory]
    [InlineData("NSwag.AspNetCore", "AddOpenApiDocument", StartupFeature.None)]
    [InlineData("Swashbuckle.AspNetCore.SwaggerGen", "AddSwaggerGen", StartupFeature.None)]
    [InlineData("AspNetCore.HealthChecks.UI", "AddHealthChecksUI", StartupFeature.HealthChecks)]
    [InlineData("FluentValidation.DependencyInjectionExtensions", "AddHealthValidators", StartupFeature.HealthChecks)]
    [InlineData("MyCompany.ServiceDefaults", "AddServiceDefaults", StartupFeature.All)]
    public void One_delegation_policy_says_what_a_library_may_register(string assembly, string method, StartupFeature expected)
        => Assert.Equal(expected, DelegationPolicy.MayRegister(assembly, method));

    [Fact]
    public async Task A_console_write_is_reported_on_the_open_document_alone()
    {
        // The IDE analyzes open documents only: the compilation-wide model must still be available there.
        var runner = new CompilationRunner()
            .As(TestProjectKind.Unspecified)
            .WithImplicitUsings()
            .WithSource("/0/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.Run();
                """)
            .WithSource("/0/Worker.cs", """
                public class Reporter
                {
                    public void Report() => System.Console.WriteLine("report");
                }
                """);
        var diagnostics = await runner.RunOnDocumentAsync(Repository.Analyzers, "/0/Worker.cs");
        Assert.Empty(runner.AnalyzerExceptions);
        Assert.Contains(diagnostics, d => d.Id == "RDY2001");
    }
}
