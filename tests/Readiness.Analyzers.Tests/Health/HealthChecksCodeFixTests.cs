using Readiness.Analyzers.CodeFixes.Health;
using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3001")]
[Trait("Rule", "RDY3002")]
[Trait("Rule", "RDY3003")]
public class HealthChecksCodeFixTests
{
    private static ReadinessTest<MissingHealthChecksAnalyzer, HealthChecksCodeFixProvider> Test(string source, string fixedSource)
        => new ReadinessTest<MissingHealthChecksAnalyzer, HealthChecksCodeFixProvider>().WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource);

    [Fact]
    public async Task Adds_registration_before_Build_and_mapping_before_Run()
    {
        await Test("""
            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            builder.Services.AddControllers();

            var app = builder.Build();
            app.UseHttpsRedirection();
            app.MapControllers();

            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddHealthChecks();

            var app = builder.Build();
            app.UseHttpsRedirection();
            app.MapControllers();
            app.MapHealthChecks("/health");

            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_a_DbContext_check_when_a_context_is_registered()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            var app = builder.Build();
            await app.RunAsync();
            """, """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            await app.RunAsync();
            """).WithSource(HealthSources.AppDbContext).WithFixedSource(HealthSources.AppDbContext).RunAsync();
    }

    [Fact]
    public async Task Two_configured_paths_map_liveness_and_readiness()
    {
        await Test("""
            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            app.Run();
            """, """
            using Microsoft.AspNetCore.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
            app.MapHealthChecks("/health/ready");
            app.Run();
            """).WithOption("readiness.health.endpoint_paths", "/health/live, /health/ready").RunAsync();
    }

    [Fact]
    public async Task Adds_the_missing_usings_in_a_file_without_implicit_usings()
    {
        var test = new ReadinessTest<MissingHealthChecksAnalyzer, HealthChecksCodeFixProvider>()
            .WithSource("""
                using Microsoft.AspNetCore.Builder;

                var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
                var app = builder.Build();
                app.Run();
                """)
            .WithFixedSource("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.MapHealthChecks("/health");
                app.Run();
                """);
        await test.RunAsync();
    }

    [Fact]
    public async Task RDY3002_adds_only_the_mapping()
    {
        await Test("""
            var builder = {|RDY3002:WebApplication.CreateBuilder(args)|};
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task RDY3003_adds_only_the_registration()
    {
        await Test("""
            var builder = {|RDY3003:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_gets_the_registration_and_an_endpoint_in_UseEndpoints()
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
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                    });
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                        endpoints.MapHealthChecks("/health");
                    });
                }
            }
            """).WithSource(HealthSources.StartupProgram).WithFixedSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Startup_class_without_endpoint_routing_answers_probes_first()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void {|RDY3002:ConfigureServices|}(IServiceCollection services)
                {
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseHttpsRedirection();
                    app.UseStaticFiles();
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseHealthChecks("/health");
                    app.UseHttpsRedirection();
                    app.UseStaticFiles();
                }
            }
            """).WithSource(HealthSources.StartupProgram).WithFixedSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Works_inside_Main_and_keeps_CRLF_line_endings()
    {
        const string source = """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
                    var app = builder.Build();
                    app.Run();
                }
            }
            """;
        const string fixedSource = """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddHealthChecks();
                    var app = builder.Build();
                    app.MapHealthChecks("/health");
                    app.Run();
                }
            }
            """;
        await Test(source.Replace("\n", "\r\n"), fixedSource.Replace("\n", "\r\n")).RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_app_is_not_kept_in_a_local()
    {
        var test = new ReadinessTest<MissingHealthChecksAnalyzer, HealthChecksCodeFixProvider>().WithImplicitUsings().WithSource("""
            var builder = {|RDY3001:WebApplication.CreateBuilder(args)|};
            builder.Build().Run();
            """);
        test.FixedState.Sources.Add(test.TestState.Sources[0]);
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync();
    }
}
