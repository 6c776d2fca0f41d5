using Readiness.Analyzers.CodeFixes.RateLimiting;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5002")]
[Trait("Rule", "RDY5003")]
public class AddMissingRateLimiterHalfCodeFixTests
{
    private static ReadinessTest<RateLimiterRegistrationAnalyzer, AddMissingRateLimiterHalfCodeFixProvider> Test(string source, string fixedSource)
    {
        var test = new ReadinessTest<RateLimiterRegistrationAnalyzer, AddMissingRateLimiterHalfCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource(source).WithFixedSource(fixedSource);
        return test;
    }

    [Fact]
    public async Task Adds_UseRateLimiter_after_routing_and_authorization_before_the_endpoints()
    {
        await Test(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.{|RDY5002:AddRateLimiter|}(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRouting();
            app.UseAuthorization();

            app.MapControllers();
            app.Run();
            """,
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRouting();
            app.UseAuthorization();
            app.UseRateLimiter();

            app.MapControllers();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_UseRateLimiter_before_the_first_endpoint_without_explicit_routing()
    {
        await Test(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY5002:AddRateLimiter|}(options => options.RejectionStatusCode = 429);
            var app = builder.Build();
            app.UseHttpsRedirection();

            // Endpoints
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = 429);
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRateLimiter();

            // Endpoints
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_UseRateLimiter_in_Startup_Configure()
    {
        await Test(
            """
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
            """,
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options => options.RejectionStatusCode = 429);
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_AddRateLimiter_with_429_before_Build()
    {
        await Test(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();

            var app = builder.Build();
            app.UseRouting();
            app.{|RDY5003:UseRateLimiter|}();
            app.MapControllers();
            app.Run();
            """,
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);

            var app = builder.Build();
            app.UseRouting();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_AddRateLimiter_to_ConfigureServices_and_its_usings_without_implicit_usings()
    {
        var test = new ReadinessTest<RateLimiterRegistrationAnalyzer, AddMissingRateLimiterHalfCodeFixProvider>();
        test.WithSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

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
            """).WithFixedSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_pipeline_is_in_another_document()
    {
        var test = new ReadinessTest<RateLimiterRegistrationAnalyzer, AddMissingRateLimiterHalfCodeFixProvider>();
        test.WithImplicitUsings();
        const string registration = """
            public static class Limits
            {
                public static IServiceCollection AddLimits(this IServiceCollection services)
                    => services.{|RDY5002:AddRateLimiter|}(options => options.RejectionStatusCode = 429);
            }
            """;
        const string program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddLimits();
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """;
        test.WithSource(program).WithSource(registration).WithFixedSource(program).WithFixedSource(registration);
        await test.RunAsync();
    }
}
