using Readiness.Analyzers.CodeFixes.Passwords;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

[Trait("Rule", "RDY4001")]
public class IdentityPasswordLengthCodeFixTests
{
    private static ReadinessTest<IdentityPasswordLengthAnalyzer, PasswordsCodeFixProvider> Test(string source, string fixedSource)
        => new ReadinessTest<IdentityPasswordLengthAnalyzer, PasswordsCodeFixProvider>().WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource);

    [Fact]
    public async Task Raises_a_literal_length()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = {|RDY4001:6|};
                options.Lockout.MaxFailedAccessAttempts = 5;
            });
            builder.Build().Run();
            """,
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
            });
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Raises_the_constant_at_its_declaration_once_for_every_use()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                private const int MinLength = 8;

                public static void Add(IServiceCollection services)
                {
                    services.Configure<PasswordOptions>(p => p.RequiredLength = {|RDY4001:MinLength|});
                    services.Configure<IdentityOptions>(o => o.Password.RequiredLength = {|RDY4001:MinLength|});
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                private const int MinLength = 12;

                public static void Add(IServiceCollection services)
                {
                    services.Configure<PasswordOptions>(p => p.RequiredLength = MinLength);
                    services.Configure<IdentityOptions>(o => o.Password.RequiredLength = MinLength);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_the_length_to_an_expression_lambda()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY4001:AddIdentity<IdentityUser, IdentityRole>|}(options => options.SignIn.RequireConfirmedAccount = true);
            builder.Build().Run();
            """,
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.Password.RequiredLength = 12;
            });
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_the_length_to_a_block_lambda()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY4001:AddIdentityCore<IdentityUser>|}(o =>
            {
                o.User.RequireUniqueEmail = true;
            });
            builder.Build().Run();
            """,
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
            });
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_a_configure_lambda_when_there_is_none()
    {
        await Test(
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY4001:AddIdentityCore<IdentityUser>|}();
            builder.Build().Run();
            """,
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentityCore<IdentityUser>(options => options.Password.RequiredLength = 12);
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Adds_a_lambda_to_AddIdentityApiEndpoints_and_leaves_anonymous_methods_alone()
    {
        // The anonymous method gets no fix; once the length is set in the project, neither registration is reported.
        await Test(
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY4001:AddIdentityApiEndpoints<IdentityUser>|}();
            builder.Services.{|RDY4001:AddIdentityCore<IdentityUser>|}(delegate (IdentityOptions o) { o.User.RequireUniqueEmail = true; });
            builder.Build().Run();
            """,
            """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentityApiEndpoints<IdentityUser>(options => options.Password.RequiredLength = 12);
            builder.Services.AddIdentityCore<IdentityUser>(delegate (IdentityOptions o) { o.User.RequireUniqueEmail = true; });
            builder.Build().Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Offers_no_fix_for_an_anonymous_method()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|RDY4001:AddIdentityCore<IdentityUser>|}(delegate (IdentityOptions o) { o.User.RequireUniqueEmail = true; });
            builder.Build().Run();
            """;
        await Test(source, source).RunAsync();
    }

    [Fact]
    public async Task Offers_no_fix_for_a_static_call()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            Stubs.IdentityUIExtensions.{|RDY4001:AddDefaultIdentity<IdentityUser>|}(builder.Services);
            builder.Build().Run();

            namespace Stubs
            {
                public static class IdentityUIExtensions
                {
                    public static IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services) where TUser : class
                        => new IdentityBuilder(typeof(TUser), services);
                }
            }
            """;
        await Test(source, source).RunAsync();
    }
}
