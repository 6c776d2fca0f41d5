using Readiness.Analyzers.CodeFixes.RateLimiting;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5006")]
public class ApplyAuthPolicyCodeFixTests
{
    private const string Program = """
        using Microsoft.AspNetCore.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            options.AddFixedWindowLimiter("auth-strict", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromMinutes(1); });
        });
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapControllers();
        app.Run();
        """;

    [Fact]
    public async Task Applies_the_auth_policy_to_controller_actions_replacing_DisableRateLimiting()
    {
        var test = new ReadinessTest<AuthEndpointWithoutRateLimitAnalyzer, ApplyAuthPolicyCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource(Program).WithSource("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult {|RDY5006:Login|}() => Ok();

                [HttpPost("register")]
                [DisableRateLimiting]
                public IActionResult {|RDY5006:Register|}() => Ok();
            }
            """);
        test.WithFixedSource(Program).WithFixedSource("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                [EnableRateLimiting("auth-strict")]
                public IActionResult Login() => Ok();

                [HttpPost("register")]
                [EnableRateLimiting("auth-strict")]
                public IActionResult Register() => Ok();
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Requires_the_policy_on_minimal_endpoints_and_adds_the_using()
    {
        var test = new ReadinessTest<AuthEndpointWithoutRateLimitAnalyzer, ApplyAuthPolicyCodeFixProvider>();
        test.WithSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions.AddConcurrencyLimiter(options, "auth", o => o.PermitLimit = 5));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost({|RDY5006:"/login"|}, () => Results.Ok())
                .WithName("Login");
            app.MapPost({|RDY5006:"/register"|}, () => Results.Ok()).DisableRateLimiting();
            app.Run();
            """).WithFixedSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions.AddConcurrencyLimiter(options, "auth", o => o.PermitLimit = 5));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok())
                .WithName("Login").RequireRateLimiting("auth");
            app.MapPost("/register", () => Results.Ok()).RequireRateLimiting("auth");
            app.Run();
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Defines_a_strict_auth_policy_when_none_exists()
    {
        var test = new ReadinessTest<AuthEndpointWithoutRateLimitAnalyzer, ApplyAuthPolicyCodeFixProvider>();
        test.WithImplicitUsings();
        test.WithSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost({|RDY5006:"/login"|}, () => Results.Ok());
            app.MapPost({|RDY5006:"/register"|}, () => Results.Ok()).DisableRateLimiting();
            app.Run();
            """).WithFixedSource("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
                options.AddFixedWindowLimiter("auth", authLimiter => { authLimiter.PermitLimit = 10; authLimiter.Window = TimeSpan.FromMinutes(1); });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok()).RequireRateLimiting("auth");
            app.MapPost("/register", () => Results.Ok()).RequireRateLimiting("auth");
            app.Run();
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_limiter_options_are_configured_out_of_sight()
    {
        var test = new ReadinessTest<AuthEndpointWithoutRateLimitAnalyzer, ApplyAuthPolicyCodeFixProvider>();
        test.WithImplicitUsings();
        const string source = """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(Limits.Configure);
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost({|RDY5006:"/login"|}, () => Results.Ok());
            app.Run();

            static class Limits
            {
                public static void Configure(RateLimiterOptions options)
                    => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            }
            """;
        test.WithSource(source).WithFixedSource(source);
        await test.RunAsync();
    }
}
