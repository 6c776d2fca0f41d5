using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

/// <summary>The password analyzers never throw on half-typed code: a realistic source cut at many points.</summary>
public class PasswordsRobustnessTests
{
    private const string Source = """
        using System.ComponentModel.DataAnnotations;
        using System.Security.Cryptography;
        using System.Text;
        using FluentValidation;
        using Microsoft.AspNetCore.Identity;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddIdentityCore<IdentityUser>(options =>
        {
            options.Password.RequiredLength = 6;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Lockout.MaxFailedAccessAttempts = 100;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromSeconds(5);
        }).AddSignInManager();
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        var app = builder.Build();
        app.MapPost("/login", async (Register login, SignInManager<IdentityUser> signIn) =>
            (await signIn.PasswordSignInAsync(login.Email, login.Password, false, lockoutOnFailure: false)).Succeeded);
        app.Run();

        public class Register
        {
            [StringLength(100, MinimumLength = 6)] public string Password { get; set; } = "";
            [MinLength(4), Length(4, 10)] public string ConfirmPassword { get; set; } = "";
            public string Email { get; set; } = "";
        }

        public class RegisterValidator : AbstractValidator<Register>
        {
            public RegisterValidator() => RuleFor(x => x.Password).NotEmpty().MinimumLength(6).Length(6, 100);
        }

        public static class Hashing
        {
            private static readonly byte[] Key = Encoding.UTF8.GetBytes("k");
            public static byte[] A(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password + "salt"));
            public static byte[] B(string password) { using var h = new HMACSHA256(Key); return h.ComputeHash(Encoding.UTF8.GetBytes(password)); }
            public static byte[] C(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, HashAlgorithmName.SHA512, 64);
            public static string D(string password) => BCrypt.Net.BCrypt.HashPassword(password, 4);
        }
        """;

    [Fact]
    public async Task No_analyzer_exception_on_truncated_code()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new IdentityPasswordLengthAnalyzer(),
            new PasswordCompositionAnalyzer(),
            new AccountLockoutAnalyzer(),
            new PasswordValidationLengthAnalyzer(),
            new FastPasswordHashingAnalyzer());
        for (var length = Source.Length; length > 0; length -= 37)
        {
            var runner = new CompilationRunner().As(TestProjectKind.Web).WithImplicitUsings().WithSource("/0/Program.cs", Source[..length]);
            var diagnostics = await runner.RunAsync(analyzers);
            Assert.Empty(runner.AnalyzerExceptions);
            if (length == Source.Length)
            {
                foreach (var id in new[] { "RDY4001", "RDY4002", "RDY4003", "RDY4004", "RDY4005" })
                {
                    Assert.Contains(diagnostics, d => d.Id == id);
                }
            }
        }
    }
}
