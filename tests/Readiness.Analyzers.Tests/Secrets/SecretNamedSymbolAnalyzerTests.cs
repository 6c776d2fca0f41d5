using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1002")]
public class SecretNamedSymbolAnalyzerTests
{
    [Fact]
    public async Task Reports_fields_properties_locals_and_parameter_defaults()
    {
        const string source = """
            public class PaymentGateway
            {
                private const string ApiKey = {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|};
                private static readonly string s_clientSecret = {|RDY1002:"Zq8~Lp3.Rt6-Wn1Yb4"|};
                public string WebhookSecret { get; set; } = {|RDY1002:"whk-93hf83HF8a2kq"|};
                public string AdminPassword { get; } = {|RDY1002:"P@ssw0rd!"|};

                public void Connect(string user, string password = {|RDY1002:"hunter22"|})
                {
                    var dbPassword = {|RDY1002:"Sup3rS3cret"|};
                    string jwtSigningKey = {|RDY1002:"my-very-long-jwt-signing-key-2024"|};
                    const string accessToken = {|RDY1002:"at_8f7Hk29LmQ0pXz"|};
                    var smtpPass = {|RDY1002:"mail-Pa55"|};
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_initializers_dictionaries_assignments_and_named_arguments()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net;

            public class SmtpOptions
            {
                public string Host { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public class Setup
            {
                public void Configure(SmtpOptions options)
                {
                    var smtp = new SmtpOptions { Host = "smtp.example.com", Password = {|RDY1002:"mail-Pa55word"|} };
                    options.Password = {|RDY1002:"mail-Pa55word"|};
                    var settings = new Dictionary<string, string?>
                    {
                        ["Jwt:Key"] = {|RDY1002:"a8F3kLq92MzXp0Wt7Rv4"|},
                        ["Jwt:Issuer"] = "https://issuer.example.com",
                    };
                    settings.Add("Stripe:ApiKey", {|RDY1002:"live-9f8Hq2Kd7Lm3Px"|});
                    var pair = new KeyValuePair<string, string>("SmtpPassword", {|RDY1002:"mail-Pa55word"|});
                    var credential = new NetworkCredential("svc-mail", {|RDY1002:"mail-Pa55word"|});
                    var anonymous = new { ApiToken = {|RDY1002:"tok_9Hf83kQ2lM7xZ0"|} };
                    System.Environment.SetEnvironmentVariable("API_KEY", {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|});
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Positional_arguments_report_passwords_and_passphrases_not_messages_or_templates()
    {
        // A literal passed positionally is bound (to learn its parameter's name) only when it could be a password: a
        // passphrase of plain words can; a message template or a sentence cannot, and stays clean without binding.
        const string source = """
            using System.Net;

            public class Accounts
            {
                public void SetPassword(string user, string password) { }
                public void Log(string template, object arg) { }
                public void Notify(string message) { }

                public void Run()
                {
                    SetPassword("admin", {|RDY1002:"correct horse battery staple"|});
                    SetPassword("admin", {|RDY1002:"Adm1n!2024"|});
                    var credential = new NetworkCredential("svc", {|RDY1002:"mail-Pa55word"|});
                    Log("Fetching order {Id}", 42);
                    Log("Password reset for {User} took {Elapsed:N0} ms", "admin");
                    Notify("Your password was changed");
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Values_behind_calls_indexers_and_other_members_stay_clean_while_secret_getters_report()
    {
        // What a call returns, an index key, a method not named Get…: none of these is the literal, and the rule does not
        // bind them; a secret-named getter, a Get… method and the bytes of a literal still report.
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Text;

            public class Handlers
            {
                private readonly Dictionary<string, string> _headers = new();
                public string ApiKey => {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|};
                public string GetClientSecret() { return {|RDY1002:"x9Lq7Wm2Tz5Rb8Kc"|}; }
                public byte[] SigningKey => Encoding.UTF8.GetBytes({|RDY1002:"sk-41c9e7a2f08b63d5"|});

                public string Describe(int id) { return string.Format("Order {0}", id); }
                public string Token(int id) => $"/api/orders/{id}";
                public object Validate(string name) => name.Length == 0 ? Problem("Name is required") : Problem($"Saving {name}");
                public void Trace(string password)
                {
                    _headers["X-Trace"] = Guid.NewGuid().ToString("N");
                    _headers["Content-Type"] = Text("ok", "text/plain");
                    var secret = password ?? "";
                    Problem(name: password ?? "anonymous-user");
                    var apiKey = !string.IsNullOrEmpty(password) ? password : {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|};
                }

                private static object Problem(string detail = "", string name = "") => detail;
                private static string Text(string content, string contentType) => content;
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_comparisons_with_a_literal()
    {
        const string source = """
            public class ApiKeyFilter
            {
                public bool IsValid(string apiKey, string password)
                    => apiKey == {|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|}
                        || {|RDY1002:"Adm1n!2024"|} == password
                        || apiKey.Equals({|RDY1002:"k7Qp2Zr9Lm4Xw8Tb"|})
                        || string.Equals(password, {|RDY1002:"Adm1n!2024"|})
                        || apiKey is {|RDY1002:"x9Lq7Wm2Tz5Rb8Kc"|};
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Message_names_the_symbol_and_kind_and_shows_only_the_length()
    {
        const string source = """
            public class Db
            {
                private readonly string _dbPassword = {|#0:"Sup3rS3cret"|};
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral).WithLocation(0)
                .WithArguments("_dbPassword", "password", "11 chars"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_look_alike_names()
    {
        const string source = """
            public class Labels
            {
                public const string PasswordLabel = "Enter your password";
                public const string TokenEndpoint = "https://login.example.com/oauth2/token";
                public const string SecretName = "db-password";
                public const string KeyVaultUri = "https://myvault.vault.azure.net/";
                public const string PublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9q";
                public const string UserSecretsId = "a3b2c1d0-1111-2222-3333-444455556666";
                public const string InstrumentationKey = "0f9e8d7c-6b5a-4f3e-2d1c-0b9a8f7e6d5c";
                public const string PasswordResetRoute = "/account/reset-password";
                public const string TokenType = "Bearer";
                public const string ApiKeyHeaderName = "X-Api-Key";
                public const string PasswordHash = "AQAAAAIAAYagAAAAEJ8k2lq9";
                public const string CacheKey = "orders:all:v2";
                public const string PrimaryKey = "OrderId";
                public const string ContinuationToken = "eyJwYWdlIjoyfQ";
                public const string PasswordPolicy = "min12-upper-digit";
                public const string SamplePassword = "Example123!";
                public const string Pass = "second-pass";
                public const string SeasonPass = "Gold2024";
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_values_that_are_not_secrets()
    {
        const string source = """
            public class NotSecrets
            {
                public const string Password = "Password";
                public const string ApiKey = "X-API-KEY";
                public const string ClientSecret = "client_secret";
                public const string AccessToken = "access_token";
                public const string JwtKey = "Jwt:Key";
                public const string StripeApiKey = "STRIPE_API_KEY";
                public const string Token = "";
                public const string Secret = "   ";
                public const string SigningKey = "<your-signing-key>";
                public const string ApiToken = "${API_TOKEN}";
                public const string DbPassword = "{0}";
                public const string AppPassword = "%APP_PASSWORD%";
                public const string BuildToken = "$(BuildToken)";
                public const string DeployToken = "__DEPLOY_TOKEN__";
                public const string MaskedPassword = "********";
                public const string WebhookSecret = "https://hooks.example.com/incoming";
                public const string PrivateKey = "/run/secrets/private_key";
                public const string CertPassword = "certs/api.pfx";
                public const string ShortKey = "abc123";
                public const string LowEntropyToken = "aaaaaaaabbbbbbbb";
                public const string PasswordPrompt = "Please type the password you chose";
                public const string Pwd = "pwd";
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_references_and_computed_values()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;

            public class Reads
            {
                private const string ApiKeyName = "ApiKey";

                public void M(IConfiguration configuration, string input)
                {
                    var apiKey = configuration["Stripe:ApiKey"];
                    var password = input;
                    var token = nameof(Reads);
                    var secret = System.Environment.GetEnvironmentVariable("APP_SECRET");
                    var clientSecret = string.Empty;
                    var copy = ApiKeyName;
                    if (apiKey == null || password == "") { }
                    var options = new System.Collections.Generic.Dictionary<string, string> { ["Logging:LogLevel"] = "Warning" };
                }
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Leaves_provider_tokens_and_connection_strings_to_their_own_rules()
    {
        var token = FakeTokens.GitHub(9);
        var source = $$"""
            public class Clients
            {
                private const string GitHubToken = "{{token}}";
                private const string ConnectionString = "Server=db;Database=app;User Id=sa;Password=Str0ng!Pass;";
                private const string DbPassword = "Server=db;Database=app;User Id=sa;Password=Str0ng!Pass;";
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Extra_and_excluded_words_and_floors_are_options()
    {
        const string source = """
            public class Device
            {
                public const string UnlockPin = {|RDY1002:"839201"|};
                public const string DemoPassword = "demo-pass-1";
                public const string ShortToken = {|RDY1002:"q8Zk2"|};
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>()
            .WithOption("readiness.secrets.extra_words", "pin")
            .WithOption("readiness.secrets.excluded_words", "demo")
            .WithOption("readiness.secrets.min_length", "4")
            .WithOption("readiness.secrets.min_entropy", "2.0")
            .WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_in_test_projects_by_default()
    {
        const string source = """
            public class LoginTests
            {
                private const string Password = "Sup3rS3cret";
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().As(TestProjectKind.Test).WithSource(source).RunAsync();
    }
}
