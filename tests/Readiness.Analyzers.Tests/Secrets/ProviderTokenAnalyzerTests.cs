using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1001")]
public class ProviderTokenAnalyzerTests
{
    [Theory]
    [MemberData(nameof(FakeTokens.AllFamilies), MemberType = typeof(FakeTokens))]
    public void Catalog_recognises_each_family(string family, string token)
    {
        var text = token.Replace("\\n", "\n", StringComparison.Ordinal);
        Assert.True(ProviderTokens.TryFind(text, out var match), family + " not found");
        Assert.Equal(family, match.Family.Name);
        Assert.DoesNotContain(text.Substring(match.Index + (match.Length / 2), 6), match.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_covers_at_least_thirty_families()
        => Assert.True(ProviderTokens.Families.Length >= 30);

    [Theory]
    [MemberData(nameof(FakeTokens.AllFamilies), MemberType = typeof(FakeTokens))]
    public async Task Reports_each_family_in_a_constant(string family, string token)
    {
        _ = family;
        var source = $$"""
            public static class Keys
            {
                public const string Value = {|RDY1001:"{{token}}"|};
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_a_checksum_valid_github_token_with_a_masked_hint()
    {
        var token = FakeTokens.GitHub();
        var source = $$"""
            public class GitHubClientFactory
            {
                private readonly string _token = {|#0:"{{token}}"|};
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY1001_ProviderTokenInLiteral).WithLocation(0)
                .WithArguments("a GitHub token", "ghp_\u2026 (40 chars), checksum valid"))
            .RunAsync();
    }

    [Fact]
    public async Task Reports_tokens_in_every_literal_form()
    {
        var stripe = "sk_" + "live_" + FakeTokens.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 28, 7);
        var google = "AI" + "za" + FakeTokens.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 35, 8);
        var source = $$""""
            using System;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ServiceKeyAttribute(string key) : Attribute { public string Key { get; } = key; }

            [ServiceKey({|RDY1001:"{{stripe}}"|})]
            public class Payments
            {
                public string Verbatim() => {|RDY1001:@"{{google}}"|};
                public string Raw() => {|RDY1001:"""{{stripe}}"""|};
                public string Interpolated(int id) => $"{|RDY1001:https://maps.example.com/?key={{google}}&id=|}{id}";
                public ReadOnlySpan<byte> Utf8() => {|RDY1001:"{{stripe}}"u8|};
            }
            """";
        await new ReadinessTest<ProviderTokenAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_a_github_token_whose_checksum_fails()
    {
        var source = $$"""
            public class Sample
            {
                public const string Token = "{{FakeTokens.GitHubBadChecksum()}}";
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_documentation_examples_and_placeholders()
    {
        const string source = """
            public class Samples
            {
                public const string AwsExample = "AKIAIOSFODNN7EXAMPLE";
                public const string Placeholder = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
                public const string Masked = "sk_live_************************";
                public const string Sequence = "sk_live_abcdefghijklmnopqrstuvwxyz";
                public const string Zeros = "AKIA0000000000000000";
                public const string Prefix = "ghp_";
                public const string Header = "-----BEGIN PRIVATE KEY-----";
                public const string Doc = "Tokens start with ghp_, gho_, xoxb- or sk_live_ depending on the provider.";
                public const string Jwt = "eyJhbGciOiJIUzI1NiJ9";
                public const string Sku = "SKU-1234-ABCD";
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_identifiers_comments_or_short_literals()
    {
        var token = FakeTokens.GitHub(3);
        var source = $$"""
            // An old token was {{token}}; it has been revoked.
            /// <summary>Use a token such as {{token}}.</summary>
            public class Docs
            {
                public const string Short = "AKIA";
                public int AKIAIOSFODNN7 { get; set; }
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_in_test_projects_by_default()
    {
        var source = $$"""
            public class FakeGitHub
            {
                public const string Token = "{{FakeTokens.GitHub(4)}}";
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().As(TestProjectKind.Test).WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Reports_in_test_projects_when_opted_in()
    {
        var source = $$"""
            public class FakeGitHub
            {
                public const string Token = {|RDY1001:"{{FakeTokens.GitHub(4)}}"|};
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().As(TestProjectKind.Test)
            .WithGlobalOption("readiness.analyze_test_projects", "true")
            .WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_generated_code()
    {
        var source = $$"""
            // <auto-generated/>
            public class Generated
            {
                public const string Token = "{{FakeTokens.GitHub(5)}}";
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Does_not_report_values_the_allow_pattern_matches()
    {
        var source = $$"""
            public class Known
            {
                public const string SharedDemoKey = "{{FakeTokens.Npm()}}";
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>()
            .WithOption("readiness.secrets.allow_pattern", "^npm_")
            .WithSource(source).RunAsync();
    }
}
