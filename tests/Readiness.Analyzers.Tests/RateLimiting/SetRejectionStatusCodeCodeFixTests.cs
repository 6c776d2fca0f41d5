using Readiness.Analyzers.CodeFixes.RateLimiting;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5007")]
public class SetRejectionStatusCodeCodeFixTests
{
    private static ReadinessTest<RateLimiterRejectionStatusAnalyzer, SetRejectionStatusCodeCodeFixProvider> Test(string source, string fixedSource)
    {
        var test = new ReadinessTest<RateLimiterRejectionStatusAnalyzer, SetRejectionStatusCodeCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource(source).WithFixedSource(fixedSource);
        return test;
    }

    [Fact]
    public async Task Inserts_429_as_the_first_statement_of_a_block_lambda()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY5007:AddRateLimiter|}(options =>
            {
                options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Turns_an_expression_lambda_into_a_block_and_adds_the_using()
    {
        var test = new ReadinessTest<RateLimiterRejectionStatusAnalyzer, SetRejectionStatusCodeCodeFixProvider>();
        test.WithSource("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|RDY5007:AddRateLimiter|}(options => options.AddConcurrencyLimiter("reports", o => o.PermitLimit = 2));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                }
            }
            """).WithFixedSource("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.AddConcurrencyLimiter("reports", o => o.PermitLimit = 2);
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                }
            }
            """);
        await test.RunAsync();
    }
}
