using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.CodeFixes.Passwords;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

[Trait("Rule", "RDY4003")]
public class AccountLockoutAnalyzerTests
{
    private static ReadinessTest<AccountLockoutAnalyzer, EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<AccountLockoutAnalyzer, EmptyCodeFixProvider>().WithImplicitUsings().WithSource(source);

    private static ReadinessTest<AccountLockoutAnalyzer, PasswordsCodeFixProvider> Fix(string source, string fixedSource)
        => new ReadinessTest<AccountLockoutAnalyzer, PasswordsCodeFixProvider>().WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource);

    private const string LoginEndpoint = """
        using Microsoft.AspNetCore.Identity;

        public record Login(string Email, string Password, bool RememberMe);

        public static class LoginEndpoints
        {
            public static async Task<IResult> SignIn(Login login, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users)
            {
                var result = await signIn.PasswordSignInAsync(login.Email, login.Password, login.RememberMe, lockoutOnFailure: LOCKOUT1);
                var user = await users.FindByEmailAsync(login.Email);
                if (user is not null)
                {
                    await signIn.CheckPasswordSignInAsync(user, login.Password, LOCKOUT2);
                }

                return result.Succeeded ? Results.Ok() : Results.Unauthorized();
            }
        }
        """;

    [Fact]
    public async Task Reports_sign_in_without_lockout()
    {
        await Test(LoginEndpoint.Replace("LOCKOUT1", "{|#0:false|}").Replace("LOCKOUT2", "{|RDY4003:false|}"))
            .Expect(new DiagnosticResult(Descriptors.RDY4003_AccountLockoutWeakOrDisabled).WithLocation(0)
                .WithArguments("PasswordSignInAsync(…, lockoutOnFailure: false) never counts failed attempts, so the account is never locked out"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_sign_in_with_lockout_or_a_variable()
    {
        await Test(LoginEndpoint.Replace("LOCKOUT1", "true").Replace("LOCKOUT2", "login.RememberMe")).RunAsync();
    }

    [Fact]
    public async Task Reports_weak_lockout_options()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                private const int Attempts = 50;

                public static void Add(IServiceCollection services)
                {
                    services.AddIdentityCore<IdentityUser>(o =>
                    {
                        o.Password.RequiredLength = 12;
                        o.Lockout.AllowedForNewUsers = {|RDY4003:false|};
                        o.Lockout.MaxFailedAccessAttempts = {|RDY4003:Attempts|};
                        o.Lockout.DefaultLockoutTimeSpan = {|RDY4003:TimeSpan.FromSeconds(30)|};
                    });
                    services.Configure<IdentityOptions>(o => o.Lockout = new LockoutOptions
                    {
                        MaxFailedAccessAttempts = {|RDY4003:1000|},
                        DefaultLockoutTimeSpan = {|RDY4003:TimeSpan.Zero|},
                    });
                    services.Configure<LockoutOptions>(l => l.DefaultLockoutTimeSpan = {|RDY4003:new TimeSpan(0, 0, 10)|});
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_reasonable_lockout_options()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                public static void Add(IServiceCollection services, TimeSpan configured)
                {
                    services.AddIdentityCore<IdentityUser>(o =>
                    {
                        o.Password.RequiredLength = 12;
                        o.Lockout.AllowedForNewUsers = true;
                        o.Lockout.MaxFailedAccessAttempts = 5;
                        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                    });
                    services.Configure<LockoutOptions>(l =>
                    {
                        l.MaxFailedAccessAttempts = 10;
                        l.DefaultLockoutTimeSpan = configured;
                    });
                    services.Configure<LockoutOptions>(l => l.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(60));
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Follows_the_max_failed_attempts_option()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                    => services.Configure<LockoutOptions>(l => l.MaxFailedAccessAttempts = {|RDY4003:8|});
            }
            """)
            .WithOption("readiness.passwords.max_failed_attempts", "5")
            .RunAsync();
    }

    [Fact]
    public async Task Fixes_sign_in_and_options()
    {
        await Fix(
            LoginEndpoint.Replace("LOCKOUT1", "{|RDY4003:false|}").Replace("LOCKOUT2", "{|RDY4003:false|}"),
            LoginEndpoint.Replace("LOCKOUT1", "true").Replace("LOCKOUT2", "true")).RunAsync();

        await Fix(
            """
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                    => services.AddIdentityCore<IdentityUser>(o =>
                    {
                        o.Password.RequiredLength = 12;
                        o.Lockout.AllowedForNewUsers = {|RDY4003:false|};
                        o.Lockout.MaxFailedAccessAttempts = {|RDY4003:100|};
                        o.Lockout.DefaultLockoutTimeSpan = {|RDY4003:TimeSpan.FromSeconds(5)|};
                    });
            }
            """,
            """
            using Microsoft.AspNetCore.Identity;

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                    => services.AddIdentityCore<IdentityUser>(o =>
                    {
                        o.Password.RequiredLength = 12;
                        o.Lockout.AllowedForNewUsers = true;
                        o.Lockout.MaxFailedAccessAttempts = 10;
                        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                    });
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_a_derived_sign_in_manager()
    {
        await Test("""
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Options;

            public class AppSignInManager(
                UserManager<IdentityUser> users,
                IHttpContextAccessor accessor,
                IUserClaimsPrincipalFactory<IdentityUser> factory,
                IOptions<IdentityOptions> options,
                ILogger<SignInManager<IdentityUser>> logger,
                IAuthenticationSchemeProvider schemes,
                IUserConfirmation<IdentityUser> confirmation)
                : SignInManager<IdentityUser>(users, accessor, factory, options, logger, schemes, confirmation)
            {
                public override Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
                    => base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
            }

            public static class Endpoint
            {
                public static Task<SignInResult> SignIn(AppSignInManager manager, string email, string password)
                    => manager.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: {|RDY4003:false|});
            }
            """).RunAsync();
    }
}
