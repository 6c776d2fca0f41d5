using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.CodeFixes.Secrets;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1004")]
public class HardcodedSecretFallbackAnalyzerTests
{
    [Fact]
    public async Task Reports_fallbacks_for_secret_keys()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var jwtKey = builder.Configuration["Jwt:Key"] ?? {|RDY1004:"your-secret-key-change-in-production"|};
            var apiKey = builder.Configuration.GetValue<string>("Stripe:ApiKey", {|RDY1004:"9f8Hq2Kd7Lm3Px0Z"|});
            var secret = Environment.GetEnvironmentVariable("JWT_SECRET") ?? {|RDY1004:"dev-secret-1234567"|};
            var password = builder.Configuration.GetSection("Smtp:Password").Value ?? {|RDY1004:"mailpass"|};
            var db = builder.Configuration.GetConnectionString("Default") ?? {|RDY1004:"Host=db;Username=app;Password=postgres"|};
            var app = builder.Build();
            app.Run();
            """;
        await new ReadinessTest<HardcodedSecretFallbackAnalyzer>().WithImplicitUsings().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Message_names_the_key_and_shows_only_the_length()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;

            public class TokenService(IConfiguration configuration)
            {
                public string Key => configuration["Jwt:Key"] ?? {|#0:"super-secret-signing-key"|};
            }
            """;
        await new ReadinessTest<HardcodedSecretFallbackAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY1004_HardcodedSecretFallback).WithLocation(0)
                .WithArguments("Jwt:Key", "24 chars"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_fallbacks_that_are_not_secrets()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var issuer = builder.Configuration["Jwt:Issuer"] ?? "https://localhost:5001";
            var level = builder.Configuration.GetValue<string>("Logging:LogLevel:Default", "Information");
            var env = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
            var db = builder.Configuration.GetConnectionString("Default") ?? "Server=.;Database=app;Trusted_Connection=True";
            var keyName = builder.Configuration["Jwt:KeyName"] ?? "signing-key-v2";
            var secretRef = builder.Configuration["Jwt:Key"] ?? "";
            var other = builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not configured");
            var local = args.Length > 0 ? args[0] : null;
            var notConfig = local ?? "k7Qp2Zr9Lm4Xw8Tb";
            var app = builder.Build();
            app.Run();
            """;
        await new ReadinessTest<HardcodedSecretFallbackAnalyzer>().WithImplicitUsings().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Fix_throws_when_the_setting_is_missing()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var jwtKey = builder.Configuration["Jwt:Key"] ?? {|RDY1004:"your-secret-key-change-in-production"|};
            var secret = Environment.GetEnvironmentVariable("JWT_SECRET") ?? {|RDY1004:"dev-secret-1234567"|};
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var jwtKey = builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("'Jwt:Key' is not configured.");
            var secret = Environment.GetEnvironmentVariable("JWT_SECRET") ?? throw new InvalidOperationException("'JWT_SECRET' is not configured.");
            var app = builder.Build();
            app.Run();
            """;
        await new ReadinessTest<HardcodedSecretFallbackAnalyzer, ThrowWhenSecretMissingCodeFixProvider>()
            .WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }

    [Fact]
    public async Task Fix_drops_the_default_of_GetValue()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;

            public class StripeClient(IConfiguration configuration)
            {
                public string Key() => configuration.GetValue("Stripe:ApiKey", {|RDY1004:"9f8Hq2Kd7Lm3Px0Z"|});
                public int Length() => configuration.GetValue<string>("Stripe:ApiKey", {|RDY1004:"9f8Hq2Kd7Lm3Px0Z"|}).Length;
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Configuration;

            public class StripeClient(IConfiguration configuration)
            {
                public string Key() => configuration.GetValue<string>("Stripe:ApiKey") ?? throw new System.InvalidOperationException("'Stripe:ApiKey' is not configured.");
                public int Length() => (configuration.GetValue<string>("Stripe:ApiKey") ?? throw new System.InvalidOperationException("'Stripe:ApiKey' is not configured.")).Length;
            }
            """;
        await new ReadinessTest<HardcodedSecretFallbackAnalyzer, ThrowWhenSecretMissingCodeFixProvider>()
            .WithSource(source).WithFixedSource(fixedSource).RunAsync();
    }
}
