using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3005")]
public class UncheckedDependencyAnalyzerTests
{
    private static ReadinessTest<UncheckedDependencyAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<UncheckedDependencyAnalyzer>().WithImplicitUsings().WithSource(source).WithSource(HealthSources.AppDbContext);

    [Fact]
    public async Task A_DbContext_without_a_check_is_reported_with_the_check_to_add()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddDbContext<AppDbContext>(o => o.UseSqlServer(builder.Configuration.GetConnectionString("Db")))|};
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """)
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY3005_DependencyWithoutHealthCheck)
                .WithLocation(0)
                .WithArguments("The database context 'AppDbContext'", "AddDbContextCheck<AppDbContext>()"))
            .RunAsync();
    }

    [Fact]
    public async Task Redis_cache_and_connection_without_a_check_are_reported()
    {
        await Test("""
            using StackExchange.Redis;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY3005:AddStackExchangeRedisCache(o => o.Configuration = "redis:6379")|};
            builder.Services.{|RDY3005:AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect("redis:6379"))|};
            builder.Services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_pooled_context_without_a_check_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|RDY3005:AddDbContextPool<AppDbContext>(o => o.UseNpgsql("Host=db"))|};
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app) => app.UseHealthChecks("/health");
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Extra_registrations_from_the_options_are_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY3005:AddMessageBus("amqp://rabbit")|};
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();

            public static class MessageBusExtensions
            {
                public static IServiceCollection AddMessageBus(this IServiceCollection services, string uri) => services;
            }
            """).WithOption("readiness.health.dependency_registrations", "AddMessageBus").RunAsync();
    }

    [Fact]
    public async Task Dependencies_with_their_checks_are_clean()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;
            using StackExchange.Redis;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddStackExchangeRedisCache(o => o.Configuration = "redis:6379");
            builder.Services.AddHealthChecks()
                .AddDbContextCheck<AppDbContext>()
                .AddRedis("redis:6379");
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task A_database_engine_check_or_a_custom_check_taking_the_context_covers_it()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Diagnostics.HealthChecks;
            using StackExchange.Redis;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect("redis:6379"));
            builder.Services.AddHealthChecks()
                .AddSqlServer("Server=db")
                .AddCheck<RedisHealthCheck>("redis");
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();

            public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
            {
                public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
                {
                    await redis.GetDatabase().PingAsync();
                    return HealthCheckResult.Healthy();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_check_delegate_that_does_real_work_is_trusted()
    {
        await Test("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            builder.Services.AddHealthChecks().AddCheck("db", () => Probe.Database() ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();

            public static class Probe
            {
                public static bool Database() => true;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task In_memory_databases_and_apps_without_health_checks_are_not_reported()
    {
        // Without AddHealthChecks, RDY3001 speaks; an in-memory database has no server to be down.
        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
            var app = builder.Build();
            app.Run();
            """).RunAsync();

        await Test("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(o => o.UseInMemoryDatabase("orders"));
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();

            namespace Microsoft.EntityFrameworkCore
            {
                public static class InMemoryStub
                {
                    public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder builder, string name) => builder;
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Not_reported_in_a_library()
    {
        await new ReadinessTest<UncheckedDependencyAnalyzer>().As(TestProjectKind.Library).WithSource(HealthSources.AppDbContext).WithSource("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            public static class Infrastructure
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(o => o.UseSqlServer("Server=db"));
                    services.AddHealthChecks();
                    return services;
                }
            }
            """).RunAsync();
    }
}
