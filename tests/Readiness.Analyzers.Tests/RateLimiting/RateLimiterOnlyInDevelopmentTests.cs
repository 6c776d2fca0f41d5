using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

/// <summary>
/// RDY5009 in the app's own start-up code, both hosting styles. Across projects (the middleware in an Infrastructure
/// project's <c>UseInfrastructure()</c>): <c>WholeApplication/RateLimitingAcrossProjectsTests</c>.
/// </summary>
[Trait("Rule", "RDY5009")]
public class RateLimiterOnlyInDevelopmentTests
{
    private static ReadinessTest<RateLimiterRegistrationAnalyzer, EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<RateLimiterRegistrationAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Minimal_hosting_UseRateLimiter_inside_IsDevelopment_is_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.{|RDY5009:UseRateLimiter|}();
            }

            app.MapGet("/", () => "ok");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_class_UseRateLimiter_inside_env_IsDevelopment_is_reported()
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
                    services.AddRateLimiter(options => options.RejectionStatusCode = 429);
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    if (env.IsDevelopment())
                    {
                        app.{|RDY5009:UseRateLimiter|}();
                    }

                    app.UseEndpoints(endpoints => endpoints.MapControllers());
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
    public async Task UseRateLimiter_outside_Development_stays_clean()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "ok");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task One_unguarded_UseRateLimiter_is_enough_beside_a_guarded_one()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
            var app = builder.Build();
            var useLimiter = app.Configuration.GetValue<bool>("UseLimiter");
            if (useLimiter)
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "ok");
            app.Run();
            """).RunAsync();
    }
}
