using Readiness.Analyzers.CodeFixes.Secrets;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1002")]
public class ReadSecretFromConfigurationCodeFixTests
{
    [Fact]
    public async Task Uses_the_configuration_in_scope()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;

            public class PaymentService(IConfiguration configuration)
            {
                public void Charge()
                {
                    var apiKey = {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|};
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Configuration;

            public class PaymentService(IConfiguration configuration)
            {
                public void Charge()
                {
                    var apiKey = configuration["Payment:ApiKey"] ?? throw new System.InvalidOperationException("Configuration value 'Payment:ApiKey' is missing.");
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Uses_builder_Configuration_in_top_level_statements()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var jwtKey = {|RDY1002:"my-very-long-jwt-signing-key-2024"|};
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var jwtKey = builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("Configuration value 'Jwt:Key' is missing.");
            var app = builder.Build();
            app.Run();
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Falls_back_to_an_environment_variable_and_turns_const_into_static_readonly()
    {
        const string source = """
            using System;

            public class MailSender
            {
                private const string SmtpPassword = {|RDY1002:"mail-Pa55word"|};

                public string Describe() => "password length " + SmtpPassword.Length;
            }
            """;
        const string fixedSource = """
            using System;

            public class MailSender
            {
                private static readonly string SmtpPassword = Environment.GetEnvironmentVariable("MAIL_SENDER_SMTP_PASSWORD") ?? throw new InvalidOperationException("Environment variable 'MAIL_SENDER_SMTP_PASSWORD' is not set.");

                public string Describe() => "password length " + SmtpPassword.Length;
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Does_not_use_instance_configuration_from_a_field_initializer()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;

            public class Notifier
            {
                private readonly IConfiguration _configuration;
                private readonly string _webhookSecret = {|RDY1002:"whk-93hf83HF8a2kq"|};

                public Notifier(IConfiguration configuration) => _configuration = configuration;
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Configuration;

            public class Notifier
            {
                private readonly IConfiguration _configuration;
                private readonly string _webhookSecret = System.Environment.GetEnvironmentVariable("NOTIFIER_WEBHOOK_SECRET") ?? throw new System.InvalidOperationException("Environment variable 'NOTIFIER_WEBHOOK_SECRET' is not set.");

                public Notifier(IConfiguration configuration) => _configuration = configuration;
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Offers_no_fix_where_only_a_constant_may_stand()
    {
        const string source = """
            using System;

            public sealed class KeyAttribute(string apiKey) : Attribute { public string ApiKey { get; } = apiKey; }

            public class Handler
            {
                private const string ApiKey = {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|};

                [Key(ApiKey)]
                public void Handle(string password = {|RDY1002:"hunter22"|}) { }

                public bool Check(string apiKey) => apiKey == {|RDY1002:"x9Lq7Wm2Tz5Rb8Kc"|};
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(source).RunAsync();
    }

    [Fact]
    public async Task Fixes_arguments_and_object_initializers_with_the_configuration_parameter()
    {
        const string source = """
            using System.Net;
            using Microsoft.Extensions.Configuration;

            public class SmtpOptions
            {
                public string Password { get; set; } = "";
            }

            public static class MailSetup
            {
                public static NetworkCredential Credential(IConfiguration configuration)
                    => new NetworkCredential("svc-mail", {|RDY1002:"mail-Pa55word"|});

                public static SmtpOptions Options(IConfiguration configuration)
                    => new SmtpOptions { Password = {|RDY1002:"mail-Pa55word"|} };
            }
            """;
        const string fixedSource = """
            using System.Net;
            using Microsoft.Extensions.Configuration;

            public class SmtpOptions
            {
                public string Password { get; set; } = "";
            }

            public static class MailSetup
            {
                public static NetworkCredential Credential(IConfiguration configuration)
                    => new NetworkCredential("svc-mail", configuration["MailSetup:Password"] ?? throw new System.InvalidOperationException("Configuration value 'MailSetup:Password' is missing."));

                public static SmtpOptions Options(IConfiguration configuration)
                    => new SmtpOptions { Password = configuration["MailSetup:Password"] ?? throw new System.InvalidOperationException("Configuration value 'MailSetup:Password' is missing.") };
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }
}
