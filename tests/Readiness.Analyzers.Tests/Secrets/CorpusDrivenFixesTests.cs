using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>The misses and false alarms the labelled corpus found, each as a positive test and its negative twin.</summary>
public class CorpusDrivenFixesTests
{
    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_word_passphrases_given_to_password_names_but_not_messages()
    {
        const string source = """
            public sealed class BackupOptions
            {
                public string ArchivePassword { get; set; } = {|RDY1002:"correct horse battery staple"|};
                public string PasswordHint { get; set; } = "use at least twelve characters";
                public string PasswordPrompt { get; set; } = "Enter your password";
                public string PasswordError { get; set; } = "password is required";
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_constant_expressions_getters_choices_and_collections()
    {
        const string source = """
            public static class Secrets
            {
                private const string Prefix = "Orders";
                private const string Year = "2024";
                public const string AdminPassword = {|RDY1002:Prefix + "#Adm1n!"|};
                public const string QueuePassword = {|RDY1002:$"Qu3ue!{Year}"|};
                public const string Alias = AdminPassword;
                public static string ClientSecret => {|RDY1002:"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"|};
                public static string GetApiKey() => {|RDY1002:"k3y-9f8e7d6c5b4a3f2e1d0c"|};
                public static readonly string[] ApiKeys = { {|RDY1002:"ak_7Gh2Jk9Lp4Qw"|}, {|RDY1002:"ak_3Vb8Nm1Xc6Zs"|} };
                public static string TokenFor(bool live) => live ? "" : "";
                public static string Token(bool live) { string token; token = live ? {|RDY1002:"tk_8Hj3Kl9Qw2Er5Ty7"|} : ""; return token; }
                public static System.Func<string> ApiKey => () => "k3y-lambda-9f8e7d6c5b4a";
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Does_not_report_key_vault_references_or_header_names_that_end_with_the_name_but_reports_a_dollar_password()
    {
        const string source = """
            public static class Names
            {
                public const string DbPassword = "@Microsoft.KeyVault(SecretUri=https://orders-kv.vault.azure.net/secrets/db-password/)";
                public const string SubscriptionKey = "Ocp-Apim-Subscription-Key";
                public const string GitHubToken = "github_token";
                public const string ApiKeys = "ApiKeys";
                public const string Password = {|RDY1002:"$uperS3cret"|};
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1003")]
    public async Task Reports_connection_strings_concatenated_from_constants_once()
    {
        const string source = """
            public static class Db
            {
                private const string Server = "Server=db;";
                public const string Orders = {|RDY1003:"Server=sql01;Database=orders;" + "User Id=app;" + "Password=hunter2hunter2;"|};
                public const string Audit = Server + {|RDY1003:"User Id=app;Password=Aud1t!Pass;"|};
                public const string Clean = "Server=sql01;" + "Integrated Security=True;";
                public static string Built(string password) => "Server=sql01;" + "Password=" + password;
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1003")]
    public async Task Reports_a_user_password_pair_encoded_for_a_basic_header_and_uri_passwords_with_a_hash()
    {
        const string source = """
            using System;
            using System.Text;

            public static class Headers
            {
                public static string Basic() => Convert.ToBase64String(Encoding.UTF8.GetBytes({|RDY1003:"erp-sync:Erp!Sync2024"|}));
                public static string NotBasic() => Convert.ToBase64String(Encoding.UTF8.GetBytes("https://example.com"));
                public static string Anonymous() => Convert.ToBase64String(Encoding.UTF8.GetBytes("anonymous:"));
                public static byte[] Text() => Encoding.UTF8.GetBytes("status:ok-and-ready");
                public const string Ftp = {|RDY1003:"ftp://export:Exp0rt#2024@ftp.partner.example/inbox"|};
                public const string Fragment = "https://example.com/#/users/ada@example.com";
            }
            """;
        await new ReadinessTest<CredentialInStructuredStringAnalyzer>().WithSource(source).RunAsync();
    }
    // Found by the blind held-out corpus (blind.cases).

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_named_tuple_elements_given_a_password_but_not_unnamed_or_neutral_elements()
    {
        const string source = """
            public static class Accounts
            {
                public static readonly (string UserName, string Password) Service = ("svc_reports", {|RDY1002:"R3p0rts!Prod#77"|});
                public static readonly (string Host, int Port) Smtp = ("smtp.example.com", 587);
                public static readonly (string, string) Pair = ("svc_reports", "R3p0rts!Prod#77");
                public static (string User, string Password) Inline() => (User: "svc", Password: "");
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_collection_initializers_of_keys_but_not_of_header_names()
    {
        const string source = """
            using System.Collections.Generic;

            public static class Keys
            {
                public static readonly HashSet<string> ApiKeys = new() { {|RDY1002:"pk-7b4d6a7093e4d9d75b76dcafaa2572c0"|} };
                public static readonly List<string> AllowedTokens = new List<string> { {|RDY1002:"tk-3a9f1c7e5b2d8046e1f9a3c7b5d2e804"|}, "<your-token>" };
                public static readonly HashSet<string> ApiKeyHeaders = new() { "X-Api-Key", "Ocp-Apim-Subscription-Key" };
                public static readonly List<string> Tokens = new();
                public static readonly HashSet<string> CommonPasswords = new(System.StringComparer.OrdinalIgnoreCase) { "123456", "qwerty", "letmein" };
                public static readonly string[] BannedPasswords = { "Passw0rd!", "Welcome1", "Summer2024!" };
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_the_bytes_of_a_literal_given_to_a_secret_name_but_not_to_other_names_or_from_configuration()
    {
        const string source = """
            using System;
            using System.Text;

            public static class Webhooks
            {
                private static readonly byte[] WebhookSecret = Encoding.UTF8.GetBytes({|RDY1002:"wh-sec-41c9e7a2f08b63d5"|});
                private static readonly byte[] SigningKey = Convert.FromBase64String({|RDY1002:"hfaCcMfIOrggXQq/TcMGhUbSYaMsMm3R"|});
                public static ReadOnlySpan<byte> HmacSecret => {|RDY1002:"9f2c7a41e8b35d60c1a4f7e2b9d8c3a5"u8|};
                private static readonly byte[] Preamble = Encoding.UTF8.GetBytes("wh-sec-41c9e7a2f08b63d5");
                private static readonly byte[] SecretLabel = Encoding.UTF8.GetBytes("Secret");
                public static byte[] ClientSecret(string configured) => Encoding.UTF8.GetBytes(configured);
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_a_literal_authorization_credential_but_not_one_read_at_run_time_or_a_placeholder()
    {
        const string source = """
            using System.Net.Http.Headers;

            public static class Clients
            {
                public static AuthenticationHeaderValue Crm() => new("Bearer", {|RDY1002:"crm_live_Ob5P168XsQ0UiZXSMlmUiFM01z4HQE"|});
                public static AuthenticationHeaderValue Legacy() => new AuthenticationHeaderValue("Token", {|RDY1002:"7f3Kq9vLx2PzR8mW4tYb6NcE1hJ5sDgA"|});
                public static AuthenticationHeaderValue FromOptions(string token) => new("Bearer", token);
                public static AuthenticationHeaderValue Placeholder() => new("Bearer", "<your-token>");
                public static AuthenticationHeaderValue Negotiate() => new("Negotiate");
                public static AuthenticationHeaderValue Empty() => new("Bearer", "");
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    [Trait("Rule", "RDY1002")]
    public async Task Reports_a_literal_password_hashed_with_bcrypt_but_not_a_variable()
    {
        const string source = """
            public static class Seed
            {
                public static string Owner() => BCrypt.Net.BCrypt.HashPassword({|RDY1002:"0wner-Initial!9"|});
                public static string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, workFactor: 12);
                public static bool Check(string password, string hash) => BCrypt.Net.BCrypt.Verify(password, hash);
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(source).RunAsync();
    }
}
