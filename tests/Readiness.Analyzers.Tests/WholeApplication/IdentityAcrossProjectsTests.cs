using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.WholeApplication;

/// <summary>
/// RDY4001's missing-length form across projects: Identity registered in an Infrastructure project, the length set in that
/// project, in the app, or nowhere.
/// </summary>
[Trait("Rule", "RDY4001")]
public class IdentityAcrossProjectsTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new IdentityPasswordLengthAnalyzer());

    private const string Program = """
        using MyApp.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddInfrastructure();
        var app = builder.Build();
        app.MapIdentityApi<AppUser>();
        app.Run();
        """;

    private static string Infrastructure(string identityRegistration, string extra = "") => $$"""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        namespace MyApp.Infrastructure;

        public sealed class AppUser : IdentityUser
        {
        }

        public static class DependencyInjection
        {
            public static IServiceCollection AddInfrastructure(this IServiceCollection services)
            {
                {{identityRegistration}}
                return services;
            }
        {{extra}}
        }
        """;

    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task Identity_registered_in_Infrastructure_without_a_length_is_reported_on_the_call_into_it(ReferenceStyle style)
    {
        var diagnostics = await Run(Infrastructure("services.AddIdentityApiEndpoints<AppUser>();"), Program, style);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RDY4001", diagnostic.Id);
        Assert.Equal("builder.Services.AddInfrastructure()", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("AddIdentityApiEndpoints in DependencyInjection.AddInfrastructure in MyApp.Infrastructure", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_length_set_in_the_registration_lambda_in_Infrastructure_stays_clean()
    {
        var diagnostics = await Run(Infrastructure("services.AddIdentityApiEndpoints<AppUser>(options => options.Password.RequiredLength = 14);"), Program);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_length_set_in_another_method_of_Infrastructure_stays_clean()
    {
        var diagnostics = await Run(
            Infrastructure(
                "services.AddIdentityApiEndpoints<AppUser>(); ConfigurePasswords(services);",
                "    private static void ConfigurePasswords(IServiceCollection services) => services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 12);"),
            Program);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Options_bound_from_configuration_in_Infrastructure_stay_clean()
    {
        var diagnostics = await Run(
            Infrastructure("services.AddIdentityCore<AppUser>(options => Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(Section, options));",
                "    public static Microsoft.Extensions.Configuration.IConfigurationSection Section { get; set; } = null!;"),
            Program);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_length_set_by_the_app_itself_stays_clean()
    {
        var diagnostics = await Run(
            Infrastructure("services.AddIdentityApiEndpoints<AppUser>();"),
            Program.Replace("var app = builder.Build();", "builder.Services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Password.RequiredLength = 12);\nvar app = builder.Build();", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task An_app_registering_Identity_itself_while_Infrastructure_sets_the_length_stays_clean()
    {
        var diagnostics = await Run(
            Infrastructure("services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 12);"),
            Program.Replace("var app = builder.Build();", "builder.Services.AddIdentityApiEndpoints<AppUser>();\nvar app = builder.Build();", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Infrastructure_without_the_package_keeps_the_rule_quiet()
    {
        var diagnostics = await Run(Infrastructure("services.AddIdentityApiEndpoints<AppUser>();"), Program, ReferenceStyle.Build, withPackage: false);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_library_itself_is_not_an_app_and_reports_nothing()
    {
        var library = Projects.Library("MyApp.Infrastructure", Infrastructure("services.AddIdentityApiEndpoints<AppUser>();"));

        var diagnostics = await library.RunAsync(Analyzers);

        Assert.Empty(library.AnalyzerExceptions);
        Assert.Empty(diagnostics);
    }

    private static async Task<ImmutableArray<Diagnostic>> Run(string infrastructure, string program, ReferenceStyle style = ReferenceStyle.Build, bool withPackage = true)
    {
        var library = Projects.Library("MyApp.Infrastructure", infrastructure);
        var web = Projects.WebApp(program);
        web.WithProjectReference(library, style, withPackage);
        var errors = web.CreateCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        var diagnostics = await web.RunAsync(Analyzers);
        Assert.Empty(web.AnalyzerExceptions);
        return diagnostics;
    }
}
