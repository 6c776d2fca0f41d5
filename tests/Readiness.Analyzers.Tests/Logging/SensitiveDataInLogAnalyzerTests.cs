using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Logging;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Logging;

[Trait("Rule", "RDY2003")]
public class SensitiveDataInLogAnalyzerTests
{
    [Fact]
    public async Task Reports_secrets_passed_as_template_arguments()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public record LoginRequest(string UserName, string Password);

            public class AuthService
            {
                private readonly ILogger<AuthService> _logger;
                private readonly string _clientSecret = "";

                public AuthService(ILogger<AuthService> logger) => _logger = logger;

                public void SignIn(LoginRequest request, string apiKey, string connectionString, string creditCardNumber)
                {
                    _logger.LogInformation("Sign-in {User} {Password}", request.UserName, {|RDY2003:request.Password|});
                    _logger.LogDebug("Key {Key}", {|RDY2003:apiKey|});
                    _logger.LogWarning("Db {Db}", {|RDY2003:connectionString|});
                    _logger.LogError("Card {Card}", {|RDY2003:creditCardNumber|});
                    _logger.Log(LogLevel.Information, "Secret {Secret}", {|RDY2003:_clientSecret|});
                    using var scope = _logger.BeginScope("token {Token}", {|RDY2003:request.Password|});
                }
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_secrets_inside_interpolated_and_concatenated_messages()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class TokenService
            {
                public void Issue(ILogger logger, string accessToken, string refreshToken, string dbPassword)
                {
                    logger.LogInformation($"Issued {{|RDY2003:accessToken|}}");
                    logger.LogInformation("Refresh " + {|RDY2003:refreshToken|});
                    logger.LogInformation($"Db {{|RDY2003:dbPassword|} ?? "none"}");
                }
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_secrets_given_to_source_generated_log_methods()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {UserName} logged in with {Password}")]
                public static partial void LoggedIn(ILogger logger, string userName, string password);
            }

            public static partial class Log
            {
                public static partial void LoggedIn(ILogger logger, string userName, string password) { }
            }

            public class Login
            {
                public void Run(ILogger logger, string user, string pwd) => Log.LoggedIn(logger, user, {|RDY2003:pwd|});
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_secrets_written_to_the_console_of_a_web_app()
    {
        const string source = """
            public class Startup
            {
                public void Print(string jwtSecret) => System.Console.WriteLine("secret: " + {|#0:jwtSecret|});
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY2003_SensitiveDataInLog)
                .WithLocation(0)
                .WithArguments("jwtSecret", "a secret", "the console"))
            .RunAsync();
    }

    [Fact]
    public async Task Extra_sensitive_words_come_from_options()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class Payroll
            {
                public void Pay(ILogger logger, string employeeIban) => logger.LogInformation("Paying {Iban}", {|RDY2003:employeeIban|});
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>()
            .WithOption("readiness.logging.sensitive_names", "iban, dateofbirth")
            .WithSource(source)
            .RunAsync();
    }

    [Fact]
    public async Task Look_alikes_and_derived_values_are_not_secrets()
    {
        const string source = """
            using System;
            using System.Threading;
            using Microsoft.Extensions.Logging;

            public class Options
            {
                public string TokenEndpoint { get; set; } = "";
                public string SecretName { get; set; } = "";
                public string PublicKey { get; set; } = "";
                public int PasswordLength { get; set; }
                public string KeyVaultUri { get; set; } = "";
            }

            public class Service
            {
                public void Run(ILogger logger, Options options, string password, string token, string continuationToken,
                    string nextPageToken, bool isPasswordValid, DateTime passwordChangedAt, CancellationToken cancellationToken, Exception secretException)
                {
                    logger.LogInformation("Endpoint {Endpoint}", options.TokenEndpoint);
                    logger.LogInformation("Secret {Name}", options.SecretName);
                    logger.LogInformation("Public {Key}", options.PublicKey);
                    logger.LogInformation("Min {Length}", options.PasswordLength);
                    logger.LogInformation("Vault {Uri}", options.KeyVaultUri);
                    logger.LogInformation("Length {Length}", password.Length);
                    logger.LogInformation("Masked {Token}", Mask(token));
                    logger.LogInformation("Page {Token} {Next}", continuationToken, nextPageToken);
                    logger.LogInformation("Valid {Valid} changed {Changed}", isPasswordValid, passwordChangedAt);
                    logger.LogInformation("Cancelled {Cancelled}", cancellationToken.IsCancellationRequested);
                    logger.LogError(secretException, "Failed to read the secret");
                }

                private static string Mask(string value) => value.Length > 4 ? value[..4] + "…" : "…";
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Secrets_given_to_calls_that_are_not_logs_stay_clean()
    {
        const string source = """
            using System.IO;
            using System.Net.Http;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Logging;

            public class Audit
            {
                public void Log(string message, string password) { }
            }

            public class Accounts
            {
                public void Register(ILogger logger, Audit audit, HttpClient client, StreamWriter file, string password, string apiKey)
                {
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
                    client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
                    audit.Log("registered", password);
                    file.WriteLine(password);
                    {|CS0103:Unknown|}(password);
                    System.Console.Error.WriteLine("key " + {|RDY2003:apiKey|});
                    logger.LogInformation("Hash {Hash}", hash);
                }
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Console_output_of_a_command_line_tool_is_not_a_log()
    {
        const string source = """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var generatedPassword = System.Guid.NewGuid().ToString("N");
                    System.Console.WriteLine(generatedPassword);
                }
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().As(TestProjectKind.Console).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Test_projects_are_not_analyzed()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class LoginTests
            {
                public void Logs(ILogger logger, string password) => logger.LogInformation("{Password}", password);
            }
            """;
        await new ReadinessTest<SensitiveDataInLogAnalyzer>().As(TestProjectKind.Test).WithSource(source).RunAsync();
    }
}
