using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5006")]
public class AuthEndpointWithoutRateLimitAnalyzerTests
{
    private static ReadinessTest<AuthEndpointWithoutRateLimitAnalyzer, EmptyCodeFixProvider> Test(params string[] sources)
    {
        var test = new ReadinessTest<AuthEndpointWithoutRateLimitAnalyzer>();
        test.WithImplicitUsings();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    private const string PolicyOnlyProgram = """
        using Microsoft.AspNetCore.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            options.AddFixedWindowLimiter("auth", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromMinutes(1); });
        });
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapControllers();
        app.Run();
        """;

    /// <summary>An app with the built-in limiter and an "auth" policy, up to its endpoints.</summary>
    private const string AuthPolicyProgram = """
        using Microsoft.AspNetCore.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("auth", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromMinutes(1); }));
        var app = builder.Build();
        app.UseRateLimiter();

        """;

    private static readonly DiagnosticResult LoginNotCovered = new DiagnosticResult(Descriptors.RDY5006_AuthEndpointWithoutRateLimit)
        .WithLocation(0).WithArguments("/account/login", "no rate limiting policy or global limiter covers it");

    [Fact]
    public async Task Minimal_api_login_without_a_policy_is_reported()
    {
        await Test(AuthPolicyProgram + """
            app.MapPost({|#0:"/account/login"|}, (LoginRequest request) => Results.Ok());
            app.MapPost("/account/register", (LoginRequest request) => Results.Ok()).RequireRateLimiting("auth");
            app.MapPost("/account/reset-password", [EnableRateLimiting("auth")] (LoginRequest request) => Results.Ok());
            app.MapGet("/account/profile", () => Results.Ok()).RequireAuthorization();
            app.MapPost("/connect/token", (LoginRequest request) => Results.Ok()).RequireAuthorization();
            app.MapGet("/tokens-of-appreciation", () => Results.Ok());
            app.MapGet("/login", () => Results.Content("<form method='post'></form>", "text/html"));
            app.Run();

            public record LoginRequest(string Email, string Password);
            """)
            .Expect(LoginNotCovered)
            .RunAsync();
    }

    [Fact]
    public async Task Routes_given_as_constants_are_read_and_literal_non_auth_routes_stay_clean()
    {
        // A literal route that is not an authentication route is ruled out before binding; a constant route is bound and read.
        await Test(AuthPolicyProgram + """
            app.MapPost({|#0:Routes.Login|}, (LoginRequest request) => Results.Ok());
            app.MapPost(Routes.Orders, (LoginRequest request) => Results.Ok());
            app.MapPost("/orders/{id}/cancel", (int id) => Results.Ok());
            app.MapDelete("/orders/{id}", (int id) => Results.Ok());
            app.Run();

            public static class Routes
            {
                public const string Login = "/account/login";
                public const string Orders = "/orders";
            }

            public record LoginRequest(string Email, string Password);
            """)
            .Expect(LoginNotCovered)
            .RunAsync();
    }

    [Fact]
    public async Task DisableRateLimiting_on_a_login_endpoint_is_reported_even_with_a_global_limiter()
    {
        await Test("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost({|#0:"/login"|}, () => Results.Ok()).DisableRateLimiting();
            app.MapPost("/signup", () => Results.Ok());
            app.Run();
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY5006_AuthEndpointWithoutRateLimit).WithLocation(0)
                .WithArguments("/login", "disables rate limiting"))
            .RunAsync();
    }

    [Fact]
    public async Task Controller_auth_actions_are_recognised_by_name_route_and_Identity_calls()
    {
        await Test(
            PolicyOnlyProgram,
            """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            [ApiController]
            [Route("api/account")]
            public class AccountController(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> {|RDY5006:LoginAsync|}(string email, string password)
                    => (await signIn.PasswordSignInAsync(email, password, false, true)).Succeeded ? Ok() : Unauthorized();

                [HttpPost("token")]
                public IActionResult {|RDY5006:Issue|}() => Ok();

                [HttpPost("begin")]
                public async Task<IActionResult> {|RDY5006:Begin|}(string email, string password)
                    => (await users.CreateAsync(new IdentityUser(email), password)).Succeeded ? Ok() : BadRequest();

                [HttpPost("forgot-password")]
                [EnableRateLimiting("auth")]
                public IActionResult ForgotPassword() => Ok();

                [HttpPost("change-password")]
                [Authorize]
                public async Task<IActionResult> ChangePassword(string password)
                    => await users.CheckPasswordAsync(new IdentityUser(), password) ? Ok() : BadRequest();

                [HttpGet("profile")]
                public IActionResult Profile() => Ok();
            }

            public class MvcAccountController : Controller
            {
                [HttpGet]
                public IActionResult Login(string? returnUrl = null) => View();

                [HttpPost]
                public IActionResult {|RDY5006:Login|}(string email, string password) => RedirectToAction("Index");
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Actions_found_only_by_binding_are_still_judged_constant_routes_and_partial_controllers()
    {
        await Test(
            PolicyOnlyProgram,
            """
            using Microsoft.AspNetCore.Mvc;

            public static class AuthRoutes
            {
                public const string Token = "connect/token";
                public const string Orders = "orders";
            }

            [ApiController]
            public partial class SessionController
            {
                [HttpPost(AuthRoutes.Token)]
                public IActionResult {|RDY5006:Issue|}() => Ok();

                [HttpPost(AuthRoutes.Orders)]
                public IActionResult Place() => Ok();

                [Microsoft.AspNetCore.Mvc.HttpPost("sign-in")]
                public IActionResult {|RDY5006:Start|}() => Ok();
            }

            public partial class SessionController : ControllerBase
            {
            }

            public class NotAController
            {
                public void Login() { }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Controller_level_policy_covers_actions_and_DisableRateLimiting_is_reported()
    {
        await Test(
            PolicyOnlyProgram,
            """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            [ApiController]
            [Route("auth")]
            [EnableRateLimiting("auth")]
            public class AuthController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult Login() => Ok();

                [HttpPost("register")]
                [DisableRateLimiting]
                public IActionResult {|RDY5006:Register|}() => Ok();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Startup_style_controllers_are_covered_by_MapControllers_RequireRateLimiting()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers().RequireRateLimiting("api"));
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Mvc;

            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult Login() => Ok();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Apps_without_the_built_in_limiter_are_left_to_RDY5001()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost("/login", () => Results.Ok());
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Endpoints_on_a_route_group_are_not_judged()
    {
        await Test(AuthPolicyProgram + """
            var account = app.MapGroup("/account");
            account.RequireRateLimiting("auth");
            account.MapPost("/login", () => Results.Ok());
            app.Run();
            """).RunAsync();
    }
}
