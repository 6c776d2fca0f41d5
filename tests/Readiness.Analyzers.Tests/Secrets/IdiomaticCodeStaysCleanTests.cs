using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>Correct, idiomatic ASP.NET Core code full of secret-looking names: no secrets rule may fire.</summary>
[Trait("Rule", "RDY1001")]
[Trait("Rule", "RDY1002")]
[Trait("Rule", "RDY1003")]
[Trait("Rule", "RDY1004")]
[Trait("Rule", "RDY1005")]
public class IdiomaticCodeStaysCleanTests
{
    private const string Program = """
        using System.ComponentModel.DataAnnotations;
        using System.Text;
        using System.Text.Json.Serialization;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        const string ApiKeyScheme = "ApiKey";
        const string ApiKeyHeader = "X-Api-Key";
        var jwtKey = builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not configured");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = builder.Configuration["Jwt:Issuer"],
                    NameClaimType = "name",
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtKey)),
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var accessToken = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(accessToken)) { context.Token = accessToken; }
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorization(o => o.AddPolicy("ApiKeyPolicy", p => p.RequireClaim("scope", "api")));
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration("Smtp").ValidateDataAnnotations().ValidateOnStart();
        var app = builder.Build();
        app.MapPost("/token", ([FromHeader(Name = ApiKeyHeader)] string apiKey, LoginRequest request) =>
        {
            var password = request.Password;
            var tokenType = "Bearer";
            var grantType = "password";
            var passwordField = "password";
            var secretName = "orders-db-password";
            var keyVaultUri = "https://orders-kv.vault.azure.net/";
            var tokenEndpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/token";
            var resetPasswordPath = "/account/reset-password";
            return Results.Ok(new TokenResponse { TokenType = tokenType, AccessToken = "", ExpiresIn = 3600 });
        });
        app.Run();

        public sealed class SmtpOptions
        {
            [Required] public string Host { get; set; } = string.Empty;
            [Required] public string Password { get; set; } = string.Empty;
            public string? ApiKey { get; init; }
            public string Token { get; init; } = default!;
            public string PasswordHint { get; init; } = "Use at least 12 characters";
        }

        public sealed record LoginRequest([property: Required, DataType(DataType.Password)] string UserName, string Password);

        public sealed class TokenResponse
        {
            [JsonPropertyName("access_token")] public string AccessToken { get; init; } = "";
            [JsonPropertyName("token_type")] public string TokenType { get; init; } = "Bearer";
            [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
            [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }
        }

        public static class ClaimNames
        {
            public const string Password = "password";
            public const string ApiKey = "api_key";
            public const string ClientSecret = "client_secret";
            public const string SecretKey = "secret_key";
            public const string AuthToken = "auth-token";
        }

        public static class Messages
        {
            public const string InvalidPassword = "The password is invalid.";
            public const string PasswordRequired = "Password is required";
            public const string MissingApiKey = "API key missing";
            public const string TokenExpired = "Token expired";
        }
        """;

    [Fact]
    public async Task A_typical_api_is_clean()
    {
        var runner = new CompilationRunner().WithImplicitUsings().WithSource("/0/Program.cs", Program)
            .WithAdditionalFile("/0/appsettings.json", """
                {
                  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
                  "AllowedHosts": "*",
                  "ConnectionStrings": { "Orders": "" },
                  "Jwt": { "Issuer": "https://orders.example.com", "Audience": "orders-api", "Key": "" },
                  "Smtp": { "Host": "smtp.example.com", "Port": 587, "Password": "" },
                  "KeyVault": { "Uri": "https://orders-kv.vault.azure.net/" }
                }
                """);
        var diagnostics = await runner.RunAsync(ImmutableArray.Create<DiagnosticAnalyzer>(
            new ProviderTokenAnalyzer(), new SecretNamedSymbolAnalyzer(), new CredentialInStructuredStringAnalyzer(),
            new HardcodedSecretFallbackAnalyzer(), new HardcodedKeyMaterialAnalyzer(), new SecretInConfigFileAnalyzer()));
        Assert.Empty(runner.AnalyzerExceptions);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("RDY1", StringComparison.Ordinal)).Select(d => d.ToString()));
        Assert.Empty(diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
    }
}
