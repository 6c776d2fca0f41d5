using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.CodeFixes.Passwords;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

[Trait("Rule", "RDY4004")]
public class PasswordValidationLengthAnalyzerTests
{
    private static ReadinessTest<PasswordValidationLengthAnalyzer, EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<PasswordValidationLengthAnalyzer, EmptyCodeFixProvider>().WithImplicitUsings().WithSource(source);

    private static ReadinessTest<PasswordValidationLengthAnalyzer, PasswordsCodeFixProvider> Fix(string source, string fixedSource)
        => new ReadinessTest<PasswordValidationLengthAnalyzer, PasswordsCodeFixProvider>().WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource);

    [Fact]
    public async Task Reports_validation_attributes_on_password_members()
    {
        await Test("""
            using System.ComponentModel.DataAnnotations;

            public class RegisterModel
            {
                private const int Min = 8;

                [Required, EmailAddress]
                public string Email { get; set; } = "";

                [Required, StringLength(100, ErrorMessage = "Too short", MinimumLength = {|#0:6|})]
                [DataType(DataType.Password)]
                public string Password { get; set; } = "";

                [MinLength({|RDY4004:Min|})]
                public string ConfirmPassword { get; set; } = "";

                [Length({|RDY4004:4|}, 64)]
                public string NewPassword { get; set; } = "";
            }

            public record ChangePassword([MinLength({|RDY4004:6|})] string Passphrase, [property: MinLength({|RDY4004:6|})] string UserPassword);
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY4004_ValidationPermitsShortPassword).WithLocation(0)
                .WithArguments("[StringLength]", 6, "Password", 12))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_long_minimums_other_members_or_existing_passwords()
    {
        await Test("""
            using System.ComponentModel.DataAnnotations;

            public class Forms
            {
                [StringLength(128, MinimumLength = 12)]
                public string Password { get; set; } = "";

                [StringLength(100)]
                public string ConfirmPassword { get; set; } = "";

                [MinLength(3)]
                public string UserName { get; set; } = "";

                [MinLength(6)]
                public string PasswordHint { get; set; } = "";

                [MinLength(1)]
                public string CurrentPassword { get; set; } = "";

                [MinLength(6)]
                public string OldPassword { get; set; } = "";

                [Length(6, 6)]
                public string OneTimeCode { get; set; } = "";
            }

            public class LoginModel
            {
                [Required, MinLength(6)]
                public string Password { get; set; } = "";
            }

            public static class AccountEndpoints
            {
                public static IResult Login(string email, [MinLength(6)] string password) => Results.Ok();
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_FluentValidation_rules()
    {
        await Test("""
            using FluentValidation;

            public record Register(string Email, string Password, string DisplayName);

            public class RegisterValidator : AbstractValidator<Register>
            {
                public RegisterValidator()
                {
                    RuleFor(x => x.Email).NotEmpty().EmailAddress();
                    RuleFor(x => x.Password).NotEmpty().MinimumLength({|RDY4004:6|}).WithMessage("Too short");
                    RuleFor(x => x.Password).Length({|RDY4004:8|}, 128);
                    RuleFor(x => x.DisplayName).MinimumLength(2);
                    RuleFor(x => x.Password).MinimumLength(12).MaximumLength(128);
                }
            }

            public record SignInRequest(string Email, string Password);

            public class SignInRequestValidator : AbstractValidator<SignInRequest>
            {
                public SignInRequestValidator() => RuleFor(x => x.Password).NotEmpty().MinimumLength(6);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Follows_the_minimum_length_option()
    {
        await Test("""
            using System.ComponentModel.DataAnnotations;

            public class Register
            {
                [MinLength(8)]
                public string Password { get; set; } = "";
            }
            """)
            .WithOption("readiness.passwords.minimum_length", "8")
            .RunAsync();
    }

    [Fact]
    public async Task Raises_minimums_and_leaves_impossible_ranges_alone()
    {
        await Fix(
            """
            using System.ComponentModel.DataAnnotations;
            using FluentValidation;

            public class Register
            {
                [StringLength(100, MinimumLength = {|RDY4004:6|})]
                public string Password { get; set; } = "";

                [StringLength(10, MinimumLength = {|RDY4004:6|})]
                public string ConfirmPassword { get; set; } = "";
            }

            public class RegisterValidator : AbstractValidator<Register>
            {
                public RegisterValidator()
                {
                    RuleFor(x => x.Password).MinimumLength({|RDY4004:8|});
                }
            }
            """,
            """
            using System.ComponentModel.DataAnnotations;
            using FluentValidation;

            public class Register
            {
                [StringLength(100, MinimumLength = 12)]
                public string Password { get; set; } = "";

                [StringLength(10, MinimumLength = {|RDY4004:6|})]
                public string ConfirmPassword { get; set; } = "";
            }

            public class RegisterValidator : AbstractValidator<Register>
            {
                public RegisterValidator()
                {
                    RuleFor(x => x.Password).MinimumLength(12);
                }
            }
            """).RunAsync();
    }
}
