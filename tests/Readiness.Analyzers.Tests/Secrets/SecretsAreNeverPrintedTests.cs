using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>Every secrets rule, run as a build runs them: no message, argument or property carries any part of a secret.</summary>
[Trait("Rule", "RDY1001")]
[Trait("Rule", "RDY1002")]
[Trait("Rule", "RDY1003")]
[Trait("Rule", "RDY1004")]
[Trait("Rule", "RDY1005")]
[Trait("Rule", "RDY1101")]
public class SecretsAreNeverPrintedTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new ProviderTokenAnalyzer(),
        new SecretNamedSymbolAnalyzer(),
        new CredentialInStructuredStringAnalyzer(),
        new HardcodedSecretFallbackAnalyzer(),
        new HardcodedKeyMaterialAnalyzer(),
        new SecretInConfigFileAnalyzer());

    [Fact]
    public async Task No_diagnostic_reveals_a_secret()
    {
        var secrets = FakeTokens.AllFamilies().Select(row => (string)row[1]).ToList();
        var password = "Qz" + FakeTokens.Random("abcdefghijkmnopqrstuvwxyz23456789", 12, 99) + "!";
        var key = FakeTokens.Random("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32, 98);
        var passphrase = "quartz lantern meadow" + " harbor";
        var source = new System.Text.StringBuilder();
        source.AppendLine("var builder = WebApplication.CreateBuilder(args);");
        for (var i = 0; i < secrets.Count; i++)
        {
            source.AppendLine($"var token{i} = \"{secrets[i]}\";");
        }

        source.AppendLine($"var dbPassword = \"{password}\";");
        source.AppendLine($"var jwtKey = builder.Configuration[\"Jwt:Key\"] ?? \"{key}\";");
        source.AppendLine($"var cs = \"Host=db;Username=app;Password={password}\";");
        source.AppendLine($"var uri = \"amqp://app:{password}@rabbit:5672\";");
        source.AppendLine($"var signing = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(\"{key}\"));");
        source.AppendLine($"var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(\"svc:{password}\"));");
        source.AppendLine($"const string concatenated = \"Server=db;\" + \"Password={password};\";");
        source.AppendLine($"var adminPassword = \"{passphrase}\";");
        source.AppendLine("var app = builder.Build();");
        source.AppendLine("app.Run();");

        var runner = new CompilationRunner()
            .WithImplicitUsings()
            .WithSource("/0/Program.cs", source.ToString())
            .WithAdditionalFile("/0/appsettings.json", $$"""{ "Jwt": { "Key": "{{key}}" }, "GitHub": { "Token": "{{FakeTokens.GitHub(5)}}" } }""")
            .WithAdditionalFile("/0/.env", $"DB_PASSWORD={password}\nCS=Host=db;Password={password}\n");
        var diagnostics = await runner.RunAsync(Analyzers);

        Assert.Empty(runner.AnalyzerExceptions);
        foreach (var id in new[] { "RDY1001", "RDY1002", "RDY1003", "RDY1004", "RDY1005", "RDY1101" })
        {
            Assert.Contains(diagnostics, d => d.Id == id);
        }

        // The random part of each token (the provider's public prefix and the surrounding structure may be shown).
        var forbidden = new List<string> { password, key, FakeTokens.GitHub(5)[4..], "lantern meadow" };
        foreach (var secret in secrets)
        {
            var text = secret.Replace("\\n", "\n", StringComparison.Ordinal);
            Assert.True(ProviderTokens.TryFind(text, out var match));
            var start = match.Index + Math.Min(8, match.Length / 3);
            forbidden.Add(text.Substring(start, match.Index + match.Length - start));
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("RDY1", StringComparison.Ordinal)))
        {
            var texts = new List<string> { diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) };
            texts.AddRange(diagnostic.Properties.Values.Where(v => v is not null)!);
            foreach (var text in texts)
            {
                Assert.DoesNotContain("lantern", text, StringComparison.Ordinal);
                foreach (var secret in forbidden)
                {
                    // No 8-character window of the secret's random part appears anywhere.
                    for (var i = 0; i + 8 <= secret.Length; i += 4)
                    {
                        var window = secret.Substring(i, 8);
                        if (window.Any(char.IsDigit))
                        {
                            Assert.DoesNotContain(window, text, StringComparison.Ordinal);
                        }
                    }
                }
            }
        }
    }
}
