using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.WholeApplication;

/// <summary>The rate limiter's two halves split across projects, applied only in Development, or hidden in middleware.</summary>
[Trait("Rule", "RDY5001")]
[Trait("Rule", "RDY5002")]
[Trait("Rule", "RDY5003")]
[Trait("Rule", "RDY5009")]
public class RateLimitingAcrossProjectsTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new MissingRateLimitingAnalyzer(), new RateLimiterRegistrationAnalyzer(), new UndefinedRateLimiterPolicyAnalyzer(),
        new AuthEndpointWithoutRateLimitAnalyzer(), new RateLimiterRejectionStatusAnalyzer(), new RateLimiterBeforeRoutingAnalyzer());

    private static string Infrastructure(string services, string app) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace MyApp.Infrastructure;

        public sealed class ThrottlingMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context) => next(context);
        }

        public static class DependencyInjection
        {
            public static IServiceCollection AddInfrastructure(this IServiceCollection services)
            {
                {{services}}
                return services;
            }

            public static WebApplication UseInfrastructure(this WebApplication app)
            {
                {{app}}
                return app;
            }
        }
        """;

    private const string Program = """
        using MyApp.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddInfrastructure();
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseInfrastructure();
        app.MapControllers();
        app.Run();
        """;

    private const string Registration = "services.AddRateLimiter(options => options.RejectionStatusCode = 429);";

    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task A_limiter_applied_in_Infrastructure_only_in_Development_is_reported_on_the_call_into_it(ReferenceStyle style)
    {
        var diagnostics = await Run(Infrastructure(Registration, "if (app.Environment.IsDevelopment()) { app.UseRateLimiter(); }"), Program, style);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RDY5009", diagnostic.Id);
        Assert.Equal("app.UseInfrastructure()", TextOf(diagnostic));
        Assert.Contains("UseRateLimiter in DependencyInjection.UseInfrastructure in MyApp.Infrastructure", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_limiter_registered_in_Infrastructure_and_never_applied_is_reported_on_the_registration_call()
    {
        var diagnostics = await Run(Infrastructure(Registration, ""), Program);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RDY5002", diagnostic.Id);
        Assert.Equal("builder.Services.AddInfrastructure()", TextOf(diagnostic));
    }

    [Fact]
    public async Task A_limiter_applied_in_the_app_and_registered_in_Infrastructure_is_whole()
    {
        var diagnostics = await Run(
            Infrastructure(Registration, ""),
            Program.Replace("app.UseInfrastructure();", "app.UseInfrastructure();\napp.UseRateLimiter();", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_limiter_applied_in_Infrastructure_and_never_registered_is_reported_on_the_call_into_it()
    {
        var diagnostics = await Run(Infrastructure("", "app.UseRateLimiter();"), Program);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RDY5003", diagnostic.Id);
        Assert.Equal("app.UseInfrastructure()", TextOf(diagnostic));
    }

    [Fact]
    public async Task A_limiter_applied_in_Infrastructure_in_every_environment_stays_clean()
    {
        var diagnostics = await Run(Infrastructure(Registration, "app.UseRateLimiter();"), Program);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("app.UseMiddleware<ThrottlingMiddleware>();")]
    [InlineData("app.UseMiddleware(typeof(ThrottlingMiddleware));")]
    public async Task Limiter_middleware_in_Infrastructure_counts_as_rate_limiting(string middleware)
    {
        var diagnostics = await Run(Infrastructure("", middleware), Program);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Infrastructure_with_no_limiter_leaves_the_app_without_one()
    {
        var diagnostics = await Run(Infrastructure("services.AddMemoryCache();", "app.UseHttpsRedirection();"), Program);

        Assert.Equal("RDY5001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task A_limiter_applied_in_Development_in_the_app_itself_is_reported_on_UseRateLimiter()
    {
        var diagnostics = await Run(Infrastructure("services.AddMemoryCache();", ""), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = 429);
            var app = builder.Build();
            if (!app.Environment.IsProduction())
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "ok");
            app.Run();
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RDY5009", diagnostic.Id);
        Assert.Equal("UseRateLimiter", TextOf(diagnostic));
    }

    private static async Task<ImmutableArray<Diagnostic>> Run(string infrastructure, string program, ReferenceStyle style = ReferenceStyle.Build)
    {
        var web = Projects.WebApp(program, (Projects.Library("MyApp.Infrastructure", infrastructure), style));
        var errors = web.CreateCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var diagnostics = await web.RunAsync(Analyzers);
        Assert.Empty(web.AnalyzerExceptions);
        return diagnostics;
    }

    private static string TextOf(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
