using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1101")]
public class SecretInConfigFileAnalyzerTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Run();
        """;

    [Fact]
    public async Task Reports_secrets_in_appsettings_json()
    {
        var token = FakeTokens.GitHub(21);
        var json = $$"""
            {
              // comments are allowed
              "ConnectionStrings": {
                "Default": "{|RDY1101:Host=db;Database=app;Username=app;Password=postgres|}"
              },
              "Jwt": {
                "Issuer": "https://api.example.com",
                "Key": "{|RDY1101:your-256-bit-secret-change-me-please|}"
              },
              "GitHub": { "Token": "{|RDY1101:{{token}}|}" },
              "Smtp": { "Host": "smtp.example.com", "Password": "{|RDY1101:Mail!2024|}" },
              "Logging": { "LogLevel": { "Default": "Information" } },
            }
            """;
        await new ReadinessTest<SecretInConfigFileAnalyzer>().WithImplicitUsings().WithSource(Program)
            .WithAdditionalFile("/0/appsettings.json", json).RunAsync();
    }

    [Fact]
    public async Task Reports_secrets_in_dotenv_and_compose_files()
    {
        const string env = """
            # local settings
            JWT_SECRET={|RDY1101:your-secret-key-change-in-production|}
            export STRIPE_API_KEY="{|RDY1101:live-9f8Hq2Kd7Lm3Px0Z|}"
            DB_PASSWORD_FILE=/run/secrets/db_password
            API_URL=https://api.example.com
            """;
        const string compose = """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_USER: app
                  POSTGRES_PASSWORD: {|RDY1101:postgres|}
              api:
                environment:
                  - ConnectionStrings__Default={|RDY1101:Host=db;Username=app;Password=postgres|}
                  - Jwt__Key=${JWT_KEY}
              cache:
                image: redis:7
                command: redis-server --requirepass {|RDY1101:R3d1sPass|}
            """;
        await new ReadinessTest<SecretInConfigFileAnalyzer>().WithImplicitUsings().WithSource(Program)
            .WithAdditionalFile("/0/.env", env)
            .WithAdditionalFile("/0/docker-compose.yml", compose)
            .RunAsync();
    }

    [Fact]
    public async Task Message_names_the_key_and_file_and_hides_the_value()
    {
        const string json = """
            { "Jwt": { "Key": "{|#0:your-256-bit-secret-change-me-please|}" } }
            """;
        await new ReadinessTest<SecretInConfigFileAnalyzer>().WithImplicitUsings().WithSource(Program)
            .WithAdditionalFile("/0/appsettings.Production.json", json)
            .Expect(new DiagnosticResult(Descriptors.RDY1101_SecretInConfigFile).WithLocation(0)
                .WithArguments("Jwt:Key", "appsettings.Production.json", "a JWT signing key", "36 chars"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_references_placeholders_and_non_secrets()
    {
        const string json = """
            {
              "ConnectionStrings": { "Default": "Server=.;Database=app;Trusted_Connection=True" },
              "Jwt": { "Key": "", "Issuer": "api", "KeyVaultUri": "https://vault.vault.azure.net/" },
              "Stripe": { "ApiKey": "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/stripe)" },
              "Auth": { "ClientSecret": "${AUTH_CLIENT_SECRET}", "TokenEndpoint": "https://login.example.com/token" },
              "Smtp": { "Password": "<set in user-secrets>" },
              "ApplicationInsights": { "InstrumentationKey": "0f9e8d7c-6b5a-4f3e-2d1c-0b9a8f7e6d5c" },
              "Identity": { "Password": { "RequiredLength": 12, "RequireDigit": true } },
              "Secrets": { "SecretName": "db-password" }
            }
            """;
        const string env = """
            JWT_SECRET=${JWT_SECRET}
            DB_PASSWORD=
            API_KEY=changeme-replace-this
            """;
        const string compose = """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD_FILE: /run/secrets/db_password
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
                secrets:
                  - db_password
            secrets:
              db_password:
                file: ./secrets/db_password.txt
            """;
        await new ReadinessTest<SecretInConfigFileAnalyzer>().WithImplicitUsings().WithSource(Program)
            .WithAdditionalFile("/0/appsettings.json", json)
            .WithAdditionalFile("/0/.env.example", env)
            .WithAdditionalFile("/0/compose.yaml", compose)
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_other_files_or_disabled_kinds()
    {
        const string env = """
            JWT_SECRET=your-secret-key-change-in-production
            """;
        await new ReadinessTest<SecretInConfigFileAnalyzer>().WithImplicitUsings().WithSource(Program)
            .WithAdditionalFile("/0/notes.txt", env)
            .WithAdditionalFile("/0/.env", env)
            .WithGlobalOption("readiness.secrets.config_files", "appsettings,compose")
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_in_test_projects_by_default()
    {
        const string env = """
            JWT_SECRET=your-secret-key-change-in-production
            """;
        await new ReadinessTest<SecretInConfigFileAnalyzer>().As(TestProjectKind.Test)
            .WithSource("public class T { }")
            .WithAdditionalFile("/0/.env", env)
            .RunAsync();
    }

    [Fact]
    public async Task Survives_malformed_files()
    {
        const string json = "{ \"Jwt\": { \"Key\": \"unterminated\n ,,, ]]] {";
        const string compose = "services:\n  - =\n  :\n  command: --requirepass\n\tx=";
        await new ReadinessTest<SecretInConfigFileAnalyzer>().WithImplicitUsings().WithSource(Program)
            .WithAdditionalFile("/0/appsettings.json", json)
            .WithAdditionalFile("/0/docker-compose.yml", compose)
            .RunAsync();
    }
}
