using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

[Trait("Rule", "RDY4001")]
public class IdentityPasswordLengthAnalyzerTests
{
    private static ReadinessTest<IdentityPasswordLengthAnalyzer, EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<IdentityPasswordLengthAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Reports_a_short_length_in_AddIdentity()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = {|#0:6|};
            });
            builder.Build().Run();
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY4001_IdentityPasswordTooShort).WithLocation(0).WithArguments("6", "", 12))
            .RunAsync();
    }

    [Fact]
    public async Task Reports_every_registration_style()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Options;

            public static class Registrations
            {
                private const int MinLength = 8;

                public static void Add(IServiceCollection services)
                {
                    services.AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = {|RDY4001:MinLength|});
                    services.Configure<IdentityOptions>(o => o.Password.RequiredLength = {|RDY4001:MinLength + 2|});
                    services.Configure<PasswordOptions>(p => p.RequiredLength = {|RDY4001:7|});
                    services.Configure<IdentityOptions>(o => o.Password = new PasswordOptions { RequiredLength = {|RDY4001:4|}, RequireDigit = true });
                    services.AddIdentityCore<IdentityUser>(o =>
                    {
                        const int length = 10;
                        o.Password.RequiredLength = {|RDY4001:length|};
                    });
                }
            }

            public sealed class ConfigureIdentity : IConfigureOptions<IdentityOptions>
            {
                public void Configure(IdentityOptions options) => options.Password.RequiredLength = {|RDY4001:6|};
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_AddDefaultIdentity()
    {
        // Microsoft.AspNetCore.Identity.UI is not referenced by the tests: a stub with the real signature.
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDefaultIdentity<IdentityUser>(options => options.Password.RequiredLength = {|RDY4001:6|});
            builder.Build().Run();

            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class IdentityServiceCollectionUIExtensions
                {
                    public static IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services, Action<IdentityOptions> configureOptions) where TUser : class
                        => services.AddIdentityCore<TUser>(configureOptions);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_Identity_registered_without_a_length()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddIdentity<IdentityUser, IdentityRole>|}(options => options.SignIn.RequireConfirmedAccount = true);
            builder.Build().Run();
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY4001_IdentityPasswordTooShort).WithLocation(0)
                .WithArguments("6", " (the framework default: RequiredLength is never set)", 12))
            .RunAsync();
    }

    [Fact]
    public async Task Reports_AddIdentityCore_without_options()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY4001:AddIdentityCore<IdentityUser>|}();
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Follows_the_minimum_length_option()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = {|RDY4001:12|});
            builder.Build().Run();
            """)
            .WithOption("readiness.passwords.minimum_length", "14")
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_a_length_of_12_or_more()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                private const int MinimumPasswordLength = 14;

                public static void Add(IServiceCollection services, int configuredLength)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>(o => o.Password.RequiredLength = 12);
                    services.Configure<PasswordOptions>(p => p.RequiredLength = MinimumPasswordLength);
                    services.Configure<IdentityOptions>(o => o.Password.RequiredLength = configuredLength);
                    var unrelated = new { RequiredLength = 4 };
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_registration_when_the_length_is_set_elsewhere_or_bound_from_configuration()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>();
            builder.Services.Configure<IdentityOptions>(builder.Configuration.GetSection("Identity"));
            builder.Build().Run();
            """).RunAsync();

        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentityCore<IdentityUser>(o => builder.Configuration.GetSection("Identity").Bind(o));
            builder.Build().Run();
            """).RunAsync();

        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentityCore<IdentityUser>();
            builder.Services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 16);
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_in_test_projects_unless_asked()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.DependencyInjection;

            public static class Fixture
            {
                public static void Add(IServiceCollection services)
                    => services.AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = 1);
            }
            """;
        await Test(source).As(TestProjectKind.Test).RunAsync();
        await Test(source.Replace("= 1)", "= {|RDY4001:1|})", StringComparison.Ordinal))
            .As(TestProjectKind.Test)
            .WithGlobalOption("readiness.analyze_test_projects", "true")
            .RunAsync();
    }

    [Fact]
    public async Task Registration_without_a_length_is_reported_on_the_open_document()
    {
        var runner = new CompilationRunner()
            .As(TestProjectKind.Web)
            .WithImplicitUsings()
            .WithSource("/0/Program.cs", """
                using Microsoft.AspNetCore.Identity;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddIdentityCore<IdentityUser>();
                builder.Build().Run();
                """)
            .WithSource("/0/Other.cs", "public class Other { }");
        var diagnostics = await runner.RunOnDocumentAsync(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new IdentityPasswordLengthAnalyzer()), "/0/Program.cs");
        Assert.Empty(runner.AnalyzerExceptions);
        Assert.Contains(diagnostics, d => d.Id == "RDY4001");
    }

    [Fact]
    public async Task Reports_a_Startup_class_registration_without_a_length()
    {
        await new ReadinessTest<IdentityPasswordLengthAnalyzer, EmptyCodeFixProvider>().WithImplicitUsings().WithSource("""
            using Microsoft.AspNetCore.Identity;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|RDY4001:AddIdentity<IdentityUser, IdentityRole>|}(options => options.Lockout.MaxFailedAccessAttempts = 5)
                        .AddDefaultTokenProviders();
                }

                public void Configure(IApplicationBuilder app) => app.UseAuthentication();
            }
            """).RunAsync();
    }
}
