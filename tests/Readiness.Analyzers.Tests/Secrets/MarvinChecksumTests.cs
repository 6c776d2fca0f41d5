using System.Text;
using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>
/// RDY1001's Marvin32 checksums for Microsoft identifiable keys, common annotated keys and Entra ID client secrets:
/// the algorithm against published test vectors, then a checksum-valid key (certain) against the same key with one
/// character changed (not the provider family; a secret-named symbol still reports it through RDY1002).
/// </summary>
[Trait("Rule", "RDY1001")]
public class MarvinChecksumTests
{
    public static IEnumerable<object[]> AzureSignatures() => IdentifiableKeys.Signatures.Keys.Select(s => new object[] { s });

    [Theory]
    [InlineData("abc", 0xd53cd9cecd0893b7UL, 0x22c74339492769bfUL)]
    [InlineData("abcdefghijklmnopqrstuvwxyz", 0xddddeeeeffff000UL, 0xa128eb7e7260aca2UL)]
    public void Marvin32_matches_the_published_symcrypt_vectors(string text, ulong seed, ulong expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(expected, Marvin32.Hash64(bytes, 0, bytes.Length, seed));
        Assert.Equal((int)((uint)(expected >> 32) ^ (uint)expected), Marvin32.Hash32(bytes, 0, bytes.Length, seed));
    }

    [Fact]
    public void Marvin32_reads_a_slice_like_the_whole_and_never_throws()
    {
        var data = Encoding.ASCII.GetBytes("xxabcdefghijklmnopqrstuvwxyzyy");
        Assert.Equal(0xa128eb7e7260aca2UL, Marvin32.Hash64(data, 2, 26, 0xddddeeeeffff000UL));
        Assert.Equal(0UL, Marvin32.Hash64(data, 20, 26, 1));
        Assert.Equal(0UL, Marvin32.Hash64(data, -1, 2, 1));
    }

    [Theory]
    [InlineData(956747778u, "aYB6eE")]
    [InlineData(1179413251u, "a.kybX")]
    public void Entra_alphabet_encoding_matches_the_reference_vectors(uint value, string expected)
        => Assert.Equal(expected, IdentifiableKeys.EncodeInEntraAlphabet(value));

    [Theory]
    [MemberData(nameof(AzureSignatures))]
    public void A_checksum_valid_azure_key_is_certain_and_one_changed_character_is_not(string signature)
    {
        var key = FakeTokens.WithMarvinAzureKey(signature);
        Assert.True(ProviderTokens.TryFind(key, out var match), signature);
        Assert.Equal("Azure identifiable key", match.Family.Name);
        Assert.True(match.ChecksumValid);
        Assert.Equal(key.Length, match.Length);
        Assert.EndsWith("checksum valid", match.Hint, StringComparison.Ordinal);

        var changed = FakeTokens.OneCharacterChanged(key);
        Assert.False(ProviderTokens.TryFind(changed, out var other) && other.Family.Name == "Azure identifiable key", signature);
    }

    [Fact]
    public void A_checksum_valid_entra_secret_is_certain_and_one_changed_character_is_not()
    {
        var secret = FakeTokens.WithMarvinEntraSecret();
        Assert.Equal(40, secret.Length);
        Assert.True(ProviderTokens.TryFind(secret, out var match));
        Assert.Equal("Microsoft Entra ID client secret", match.Family.Name);
        Assert.True(match.ChecksumValid);
        Assert.False(ProviderTokens.TryFind(FakeTokens.OneCharacterChanged(secret), out _));
    }

    [Fact]
    public void A_legacy_entra_secret_has_no_checksum_and_keeps_format_matching()
    {
        var legacy = FakeTokens.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 3, 70) + "7Q" + "~"
            + FakeTokens.Random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_~.-", 32, 71);
        Assert.True(ProviderTokens.TryFind(legacy, out var match));
        Assert.Equal("Microsoft Entra ID client secret", match.Family.Name);
        Assert.False(match.ChecksumValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_checksum_valid_common_annotated_key_is_certain_and_one_changed_character_is_not(bool shortForm)
    {
        var key = FakeTokens.WithMarvinCommonAnnotatedKey(shortForm: shortForm);
        Assert.Equal(shortForm ? 84 : 88, key.Length);
        Assert.True(ProviderTokens.TryFind(key, out var match));
        Assert.Equal("Microsoft common annotated security key", match.Family.Name);
        Assert.True(match.ChecksumValid);
        Assert.False(ProviderTokens.TryFind(FakeTokens.OneCharacterChanged(key), out _));
    }

    [Fact]
    public void A_legacy_storage_key_has_no_checksum_and_an_identifiable_one_must_pass_it()
    {
        var legacy = "DefaultEndpointsProtocol=https;AccountName=orders;Account" + "Key=" + FakeTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 86, 72) + "==";
        Assert.True(ProviderTokens.TryFind(legacy, out var match));
        Assert.Equal("Azure Storage account key", match.Family.Name);
        Assert.False(match.ChecksumValid);

        var key = FakeTokens.WithMarvinAzureKey("+AS" + "t", 9);
        Assert.True(ProviderTokens.TryFind("AccountName=orders;Account" + "Key=" + key, out match));
        Assert.True(match.ChecksumValid);
        Assert.False(ProviderTokens.TryFind("AccountName=orders;Account" + "Key=" + FakeTokens.OneCharacterChanged(key), out _));
    }

    [Fact]
    public async Task Reports_a_checksum_valid_key_and_leaves_a_broken_one_to_the_weaker_rules()
    {
        var valid = FakeTokens.WithMarvinAzureKey("AzSe", 11);
        var broken = FakeTokens.OneCharacterChanged(FakeTokens.WithMarvinAzureKey("AzSe", 12));
        var source = $$"""
            public static class SearchKeys
            {
                public const string Primary = {|#0:"{{valid}}"|};
                public const string Label = "{{broken}}";
            }
            """;
        await new ReadinessTest<ProviderTokenAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY1001_ProviderTokenInLiteral).WithLocation(0)
                .WithArguments("an Azure identifiable key", "52 chars, checksum valid"))
            .RunAsync();

        // The broken key is still a high-entropy value given to a secret-named symbol: RDY1002 reports it.
        var named = $$"""
            public static class SearchKeys
            {
                public const string AdminApiKey = {|RDY1002:"{{broken}}"|};
            }
            """;
        await new ReadinessTest<SecretNamedSymbolAnalyzer>().WithSource(named).RunAsync();
    }
}
