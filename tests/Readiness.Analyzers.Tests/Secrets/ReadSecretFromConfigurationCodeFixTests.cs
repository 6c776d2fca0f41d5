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
    // The shapes RDY1002 reports beyond plain initializers: the fix either produces code that compiles or is not offered.

    [Fact]
    public async Task Fixes_a_property_getter_and_a_get_method_returning_a_literal()
    {
        const string source = """
            using System;

            public class PartnerSettings
            {
                public string ClientSecret { get => {|RDY1002:"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"|}; }

                public static string GetApiKey() => {|RDY1002:"k3y-9f8e7d6c5b4a3f2e1d0c"|};

                public string SigningSecret
                {
                    get
                    {
                        return {|RDY1002:"s1gn-7Hq2Lw9Zx4Rt8Kp3"|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;

            public class PartnerSettings
            {
                public string ClientSecret { get => Environment.GetEnvironmentVariable("PARTNER_CLIENT_SECRET") ?? throw new InvalidOperationException("Environment variable 'PARTNER_CLIENT_SECRET' is not set."); }

                public static string GetApiKey() => Environment.GetEnvironmentVariable("PARTNER_API_KEY") ?? throw new InvalidOperationException("Environment variable 'PARTNER_API_KEY' is not set.");

                public string SigningSecret
                {
                    get
                    {
                        return Environment.GetEnvironmentVariable("PARTNER_SIGNING_SECRET") ?? throw new InvalidOperationException("Environment variable 'PARTNER_SIGNING_SECRET' is not set.");
                    }
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Fixes_a_getter_with_the_configuration_in_scope()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;

            public class StripeClient(IConfiguration configuration)
            {
                public string ApiKey => {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|};
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Configuration;

            public class StripeClient(IConfiguration configuration)
            {
                public string ApiKey => configuration["Stripe:ApiKey"] ?? throw new System.InvalidOperationException("Configuration value 'Stripe:ApiKey' is missing.");
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Offers_no_fix_for_a_branch_of_a_choice_or_an_array_element()
    {
        const string source = """
            public static class Keys
            {
                public static string GetApiKey(bool live) => live ? {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|} : "";
                public static string GetToken(string env) => env switch { "prod" => {|RDY1002:"tk_8Hj3Kl9Qw2Er5Ty7"|}, _ => "" };
                public static readonly string[] ApiKeys = { {|RDY1002:"ak_7Gh2Jk9Lp4Qw"|}, {|RDY1002:"ak_3Vb8Nm1Xc6Zs"|} };
                public static string GetClientSecret(bool live) { return live ? {|RDY1002:"9a8b7c6d5e4f3a2b1c0d"|} : ""; }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(source).RunAsync();
    }

    [Fact]
    public async Task Fixes_a_const_concatenation_and_a_const_interpolation()
    {
        const string source = """
            using System;

            public class QueueSettings
            {
                private const string Prefix = "Orders";
                private const string Year = "2024";
                public const string AdminPassword = {|RDY1002:Prefix + "#Adm1n!"|};

                public int Connect()
                {
                    const string queuePassword = {|RDY1002:$"Qu3ue!{Year}"|};
                    return queuePassword.Length + AdminPassword.Length;
                }
            }
            """;
        const string fixedSource = """
            using System;

            public class QueueSettings
            {
                private const string Prefix = "Orders";
                private const string Year = "2024";
                public static readonly string AdminPassword = Environment.GetEnvironmentVariable("QUEUE_ADMIN_PASSWORD") ?? throw new InvalidOperationException("Environment variable 'QUEUE_ADMIN_PASSWORD' is not set.");

                public int Connect()
                {
                    string queuePassword = Environment.GetEnvironmentVariable("QUEUE_QUEUE_PASSWORD") ?? throw new InvalidOperationException("Environment variable 'QUEUE_QUEUE_PASSWORD' is not set.");
                    return queuePassword.Length + AdminPassword.Length;
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Offers_no_fix_for_a_const_concatenation_used_where_a_constant_must_stand()
    {
        const string source = """
            public static class Db
            {
                private const string Prefix = "Orders";
                public const string AdminPassword = {|RDY1002:Prefix + "#Adm1n!"|};
                public const string Alias = AdminPassword;
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(source).RunAsync();
    }

    [Fact]
    public async Task Fixes_a_literal_authorization_credential_and_offers_no_fix_for_the_bytes_of_a_literal()
    {
        const string source = """
            using System;
            using System.Net.Http.Headers;
            using System.Text;

            public static class CrmClient
            {
                private static readonly byte[] WebhookSecret = Encoding.UTF8.GetBytes({|RDY1002:"wh-sec-41c9e7a2f08b63d5"|});

                public static AuthenticationHeaderValue Header() => new("Bearer", {|RDY1002:"crm_live_Ob5P168XsQ0UiZXSMlmUiFM01z4HQE"|});
            }
            """;
        const string fixedSource = """
            using System;
            using System.Net.Http.Headers;
            using System.Text;

            public static class CrmClient
            {
                private static readonly byte[] WebhookSecret = Encoding.UTF8.GetBytes({|RDY1002:"wh-sec-41c9e7a2f08b63d5"|});

                public static AuthenticationHeaderValue Header() => new("Bearer", Environment.GetEnvironmentVariable("CRM_BEARER_TOKEN") ?? throw new InvalidOperationException("Environment variable 'CRM_BEARER_TOKEN' is not set."));
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer, ReadSecretFromConfigurationCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }
}
