using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5002")]
[Trait("Rule", "RDY5003")]
public class RateLimiterRegistrationAnalyzerTests
{
    private static ReadinessTest<RateLimiterRegistrationAnalyzer, EmptyCodeFixProvider> Test(params string[] sources)
    {
        var test = new ReadinessTest<RateLimiterRegistrationAnalyzer>();
        test.WithImplicitUsings();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    [Fact]
    public async Task Registered_but_never_applied_in_minimal_hosting()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY5002:AddRateLimiter|}(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Registered_but_never_applied_in_a_Startup_class_with_controllers()
    {
        await Test("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.{|RDY5002:AddRateLimiter|}(options => options.RejectionStatusCode = 429);
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Applied_but_not_registered_in_minimal_hosting()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.{|RDY5003:UseRateLimiter|}();
            app.MapControllers();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Applied_but_not_registered_in_a_Startup_class()
    {
        await Test("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|RDY5003:UseRateLimiter|}();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Both_halves_in_different_files_are_clean()
    {
        await Test(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApiLimits();
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            """
            public static class RateLimitingSetup
            {
                public static IServiceCollection AddApiLimits(this IServiceCollection services)
                    => services.AddRateLimiter(options => options.RejectionStatusCode = 429);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Neither_half_is_not_this_rules_business()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Silent_when_the_missing_half_may_be_in_another_assembly()
    {
        var test = Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = 429);
            var app = builder.Build();
            app.UseSharedInfrastructure();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(SharedInfrastructure.Reference);
        await test.RunAsync();
    }

    [Fact]
    public async Task Library_registering_the_limiter_for_its_host_is_not_reported()
    {
        await new ReadinessTest<RateLimiterRegistrationAnalyzer>()
            .As(TestProjectKind.Library)
            .WithSource("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                public static class RateLimitingSetup
                {
                    public static IServiceCollection AddApiLimits(this IServiceCollection services)
                        => services.AddRateLimiter(options => options.RejectionStatusCode = 429);
                }
                """)
            .RunAsync();
    }
}
