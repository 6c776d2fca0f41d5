using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

[Trait("Rule", "RDY4002")]
public class PasswordCompositionAnalyzerTests
{
    private static ReadinessTest<PasswordCompositionAnalyzer, EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<PasswordCompositionAnalyzer, EmptyCodeFixProvider>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Reports_all_classes_off_with_a_short_length()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                {|#1:options.Password.RequireDigit = false|};
                {|#2:options.Password.RequireLowercase = false|};
                {|#3:options.Password.RequireUppercase = false|};
                {|#0:options.Password.RequireNonAlphanumeric = false|};
                options.Password.RequiredLength = 8;
            });
            builder.Build().Run();
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY4002_PasswordCompositionOffWithShortLength)
                .WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithArguments("8", 12))
            .RunAsync();
    }

    [Fact]
    public async Task Reports_the_default_length_and_object_initializers()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                private const bool Off = false;

                public static void Add(IServiceCollection services)
                {
                    services.Configure<PasswordOptions>(p =>
                    {
                        p.RequireDigit = Off;
                        p.RequireLowercase = false;
                        p.RequireUppercase = false;
                        {|RDY4002:p.RequireNonAlphanumeric = false|};
                        p.RequiredUniqueChars = 1;
                    });
                }

                public static PasswordOptions Weak() => new PasswordOptions
                {
                    RequireNonAlphanumeric = false,
                    RequireDigit = false,
                    RequireUppercase = false,
                    {|RDY4002:RequireLowercase = false|},
                };
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_long_passwords_without_composition_rules()
    {
        // NIST SP 800-63B: with a long minimum, composition rules are optional.
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 15;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            });
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_when_some_rule_remains()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                public static void Add(IServiceCollection services, bool strict)
                {
                    services.Configure<PasswordOptions>(p =>
                    {
                        p.RequireDigit = false;
                        p.RequireLowercase = false;
                        p.RequireUppercase = false;
                    });
                    services.Configure<PasswordOptions>(p =>
                    {
                        p.RequireDigit = false;
                        p.RequireLowercase = false;
                        p.RequireUppercase = false;
                        p.RequireNonAlphanumeric = false;
                        p.RequiredUniqueChars = 5;
                    });
                    services.Configure<PasswordOptions>(p =>
                    {
                        p.RequireDigit = false;
                        p.RequireLowercase = false;
                        p.RequireUppercase = false;
                        p.RequireNonAlphanumeric = strict;
                    });
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Does_not_assume_the_default_length_when_it_is_set_elsewhere()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<PasswordOptions>(p => p.RequiredLength = 16);
            builder.Services.AddIdentityCore<IdentityUser>(options =>
            {
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            });
            builder.Build().Run();
            """).RunAsync();
    }
}
