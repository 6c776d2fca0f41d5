using Readiness.Analyzers.CodeFixes.Health;
using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3005")]
public class AddDbContextCheckCodeFixTests
{
    private const string Contexts = """
        using Microsoft.EntityFrameworkCore;

        public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
        {
        }

        public class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
        {
        }
        """;

    private static ReadinessTest<UncheckedDependencyAnalyzer, AddDbContextCheckCodeFixProvider> Test(string source, string fixedSource)
        => new ReadinessTest<UncheckedDependencyAnalyzer, AddDbContextCheckCodeFixProvider>()
            .WithImplicitUsings()
            .WithSource(source)
            .WithSource(Contexts)
            .WithFixedSource(fixedSource)
            .WithFixedSource(Contexts);

    [Fact]
    public async Task Appends_the_check_to_the_AddHealthChecks_call()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY3005:AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"))|};
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """, """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Fix_all_appends_every_context_to_a_chain_written_one_call_per_line()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|RDY3005:AddDbContext<AppDbContext>(o => o.UseNpgsql("Host=db"))|};
                    services.{|RDY3005:AddDbContextPool<AuditDbContext>(o => o.UseNpgsql("Host=audit"))|};
                    services.AddHealthChecks()
                        .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
                }

                public void Configure(Microsoft.AspNetCore.Builder.IApplicationBuilder app) => app.UseHealthChecks("/health");
            }
            """, """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(o => o.UseNpgsql("Host=db"));
                    services.AddDbContextPool<AuditDbContext>(o => o.UseNpgsql("Host=audit"));
                    services.AddHealthChecks()
                        .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy())
                        .AddDbContextCheck<AppDbContext>()
                        .AddDbContextCheck<AuditDbContext>();
                }

                public void Configure(Microsoft.AspNetCore.Builder.IApplicationBuilder app) => app.UseHealthChecks("/health");
            }
            """).WithSource(HealthSources.StartupProgram).WithFixedSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Fix_all_checks_a_context_registered_twice_once()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY3005:AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"))|};
            builder.Services.{|RDY3005:AddDbContextPool<AppDbContext>(o => o.UseSqlServer("Server=db"))|};
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """, """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddDbContextPool<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task No_fix_for_a_Redis_cache()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY3005:AddStackExchangeRedisCache(o => o.Configuration = "redis:6379")|};
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """;
        await Test(source, source).RunAsync();
    }
}
