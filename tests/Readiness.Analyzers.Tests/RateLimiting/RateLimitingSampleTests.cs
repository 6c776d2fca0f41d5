using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

/// <summary>
/// The snippets proposed for samples/NotReadyApi and samples/ReadyApi, run through every rate limiting analyzer together:
/// the not-ready app shows each rule, the ready app none.
/// </summary>
public class RateLimitingSampleTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        new MissingRateLimitingAnalyzer(), new RateLimiterRegistrationAnalyzer(), new RateLimiterBeforeRoutingAnalyzer(),
        new UndefinedRateLimiterPolicyAnalyzer(), new AuthEndpointWithoutRateLimitAnalyzer(), new RateLimiterRejectionStatusAnalyzer(),
        new ConstantPartitionKeyAnalyzer(),
    ];

    internal const string ReadyProgram = """
        using System.Threading.RateLimiting;
        using Microsoft.AspNetCore.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(RateLimitPolicies.Auth, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
        });

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapControllers();
        app.MapPost("/account/login", () => Results.Ok()).RequireRateLimiting(RateLimitPolicies.Auth);
        app.Run();

        public static class RateLimitPolicies
        {
            public const string Auth = "auth";
        }
        """;

    internal const string ReadyController = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.RateLimiting;

        [ApiController]
        [Route("api/account")]
        [EnableRateLimiting(RateLimitPolicies.Auth)]
        public class AccountController : ControllerBase
        {
            [HttpPost("register")]
            public IActionResult Register() => Ok();
        }
        """;

    [Fact]
    public async Task Ready_app_is_clean()
    {
        var runner = new CompilationRunner().WithImplicitUsings()
            .WithSource("/0/Program.cs", ReadyProgram)
            .WithSource("/0/Controllers/AccountController.cs", ReadyController);
        Assert.Empty(runner.CreateCompilation().GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var diagnostics = await runner.RunAsync(Analyzers);
        Assert.Empty(runner.AnalyzerExceptions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Not_ready_app_shows_rules_4_to_8()
    {
        // RDY5001-RDY5003 need an app with no limiter or half of one, which would hide the others: see the analyzer tests.
        var runner = new CompilationRunner().WithImplicitUsings()
            .WithSource("/0/Program.cs", """
                using System.Threading.RateLimiting;
                using Microsoft.AspNetCore.RateLimiting;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddRateLimiter(options =>
                {
                    options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
                });

                var app = builder.Build();
                app.UseRateLimiter();
                app.UseRouting();
                app.UseAuthorization();
                app.MapControllers();
                app.MapGet("/search", () => Results.Ok()).RequireRateLimiting("serach");
                app.MapPost("/account/login", () => Results.Ok()).DisableRateLimiting();
                app.Run();
                """)
            .WithSource("/0/Limits.cs", """
                using System.Threading.RateLimiting;

                public static class GlobalLimits
                {
                    public static void Apply(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options)
                        => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
                            RateLimitPartition.GetFixedWindowLimiter("global", _ => new FixedWindowRateLimiterOptions { PermitLimit = 1000, Window = TimeSpan.FromMinutes(1) }));
                }
                """);
        var diagnostics = await runner.RunAsync(Analyzers);
        Assert.Empty(runner.AnalyzerExceptions);
        var ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id).ToArray();
        Assert.Equal(new[] { "RDY5004", "RDY5005", "RDY5006", "RDY5007", "RDY5008" }, ids);
    }
}
