using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5005")]
public class UndefinedRateLimiterPolicyAnalyzerTests
{
    private static ReadinessTest<UndefinedRateLimiterPolicyAnalyzer, EmptyCodeFixProvider> Test(params string[] sources)
    {
        var test = new ReadinessTest<UndefinedRateLimiterPolicyAnalyzer>();
        test.WithImplicitUsings();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    private const string ProgramDefiningPolicies = """
        using System.Threading.RateLimiting;
        using Microsoft.AspNetCore.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter(Policies.Api, o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
            options.AddSlidingWindowLimiter(policyName: "search", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(10); o.SegmentsPerWindow = 2; });
            options.AddTokenBucketLimiter(nameof(Policies.Burst), o => { o.TokenLimit = 10; o.TokensPerPeriod = 1; o.ReplenishmentPeriod = TimeSpan.FromSeconds(1); });
            options.AddConcurrencyLimiter("reports", o => o.PermitLimit = 2);
            options.AddPolicy("per-user", context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) }));
        });
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapControllers();
        app.MapGet("/search", () => "results").RequireRateLimiting("search");
        app.MapGet("/burst", () => "ok").RequireRateLimiting("Burst");
        app.MapGet("/typo", () => "ok").RequireRateLimiting({|#0:"serach"|});
        app.Run();

        public static class Policies
        {
            public const string Api = "api";
            public const string Burst = "unused";
        }
        """;

    [Fact]
    public async Task Undefined_name_in_RequireRateLimiting_is_reported_and_constants_and_nameof_are_compared()
    {
        await Test(ProgramDefiningPolicies)
            .Expect(new DiagnosticResult(Descriptors.RDY5005_UndefinedRateLimiterPolicy).WithLocation(0).WithArguments("serach"))
            .RunAsync();
    }

    [Fact]
    public async Task Undefined_name_in_EnableRateLimiting_on_a_controller_is_reported()
    {
        await Test(
            ProgramDefiningPolicies,
            """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            [ApiController]
            [Route("orders")]
            [EnableRateLimiting(Policies.Api)]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get() => Ok();

                [HttpGet("report")]
                [EnableRateLimiting("reports")]
                public IActionResult Report() => Ok();

                [HttpPost("export")]
                [EnableRateLimiting({|RDY5005:"exports"|})]
                public IActionResult Export() => Ok();

                [HttpGet("me")]
                [EnableRateLimiting("per-user")]
                public IActionResult Me() => Ok();
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY5005_UndefinedRateLimiterPolicy).WithLocation(0).WithArguments("serach"))
            .RunAsync();
    }

    [Fact]
    public async Task The_attribute_is_found_however_its_name_is_written()
    {
        await Test(
            ProgramDefiningPolicies,
            """
            using Microsoft.AspNetCore.Mvc;
            using Limits = Microsoft.AspNetCore.RateLimiting;

            [ApiController]
            [Route("invoices")]
            public class InvoicesController : ControllerBase
            {
                [HttpGet("a")]
                [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting({|RDY5005:"qualified"|})]
                public IActionResult A() => Ok();

                [HttpGet("b")]
                [Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute({|RDY5005:"suffixed"|})]
                public IActionResult B() => Ok();

                [HttpGet("c")]
                [Limits.EnableRateLimiting({|RDY5005:"aliased"|})]
                public IActionResult C() => Ok();

                [HttpGet("d")]
                [Limits::EnableRateLimiting({|RDY5005:"alias-qualified"|})]
                public IActionResult D() => Ok();

                // [EnableRateLimiting("commented")] and "[EnableRateLimiting(\"in a string\")]" are not uses.
                public string Note() => "[EnableRateLimiting(\"in a string\")]";
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY5005_UndefinedRateLimiterPolicy).WithLocation(0).WithArguments("serach"))
            .RunAsync();
    }

    [Fact]
    public async Task Undefined_name_in_a_Startup_class_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddRateLimiter(options => options.AddFixedWindowLimiter("fixed", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); }));

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi").RequireRateLimiting({|RDY5005:"fixd"|}));
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Policy_names_read_from_configuration_make_the_rule_silent()
    {
        await Test("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            var names = builder.Configuration.GetSection("RateLimits").GetChildren();
            builder.Services.AddRateLimiter(options =>
            {
                foreach (var section in names)
                {
                    options.AddFixedWindowLimiter(section.Key, o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); });
                }
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("fixed");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Policies_defined_in_IConfigureOptions_are_seen()
    {
        await Test(
            """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ => { });
            builder.Services.ConfigureOptions<RateLimitSetup>();
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("fixed");
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.Options;

            public sealed class RateLimitSetup : IConfigureOptions<RateLimiterOptions>
            {
                public void Configure(RateLimiterOptions options)
                    => options.AddFixedWindowLimiter("fixed", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromSeconds(1); });
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Without_AddRateLimiter_in_this_project_names_are_not_judged()
    {
        // Controllers in a project whose host (or another assembly) defines the policies.
        await Test("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [EnableRateLimiting("api")]
            public class OrdersController : ControllerBase { }
            """).RunAsync();
    }

    [Fact]
    public async Task Silent_when_start_up_delegates_to_another_assembly()
    {
        var test = Test("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ => { });
            builder.Services.AddSharedInfrastructure();
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("shared");
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(SharedInfrastructure.Reference);
        await test.RunAsync();
    }
}
