using System.Text;
using Readiness.Analyzers.Secrets;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>
/// Realistic, never-issued tokens in each provider's format, built at run time from a seeded generator so that this
/// repository contains no token-shaped literal of its own (secret scanners stay quiet on it).
/// </summary>
internal static class FakeTokens
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Base62 = Digits + Upper + Lower;
    private const string Base64 = Base62 + "+/";
    private const string Hex = "0123456789abcdef";

    public static string Random(string alphabet, int length, int seed)
    {
        var random = new System.Random(seed);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string P(params string[] parts) => string.Concat(parts);

    public static string GitHub(int seed = 1) => ProviderTokens.WithCrc32Base62(P("gh", "p_", Random(Base62, 30, seed)));

    public static string GitHubBadChecksum(int seed = 1)
    {
        var valid = GitHub(seed);
        var last = valid[^1] == 'A' ? 'B' : 'A';
        return valid[..^1] + last;
    }

    public static string Npm(int seed = 2) => ProviderTokens.WithCrc32Base62(P("np", "m_", Random(Base62, 30, seed)));

    /// <summary>
    /// An Azure identifiable key with a valid Marvin32 checksum: <paramref name="signature"/> (<c>+ASt</c>, <c>AzSe</c>…)
    /// with the length and seed of its format (<see cref="IdentifiableKeys.Signatures"/>; the first seed of the kind).
    /// </summary>
    public static string WithMarvinAzureKey(string signature, int seed = 3)
    {
        var format = IdentifiableKeys.Signatures[signature];
        var randomLength = (((format.Bytes * 8) + 5) / 6) - 10;
        var alphabet = format.UrlSafe ? Base62 + "-_" : Base64;
        return IdentifiableKeys.WithMarvinChecksum(Random(alphabet, randomLength, seed), signature, format.Seeds[0], format.UrlSafe);
    }

    /// <summary>An Entra ID client secret in the current <c>8Q~</c> format with a valid Marvin32 checksum (40 chars).</summary>
    public static string WithMarvinEntraSecret(int seed = 4)
    {
        var first37 = P(Random(Base62, 3, seed), "8Q", "~", Random(Base62 + "_~.-", 31, seed + 1000));
        return first37 + IdentifiableKeys.EntraChecksum(first37);
    }

    /// <summary>
    /// A common annotated security key (<c>…JQQJ99…</c>) with a valid Marvin32 checksum: 88 characters, or the
    /// 84-character short form. Base62 only, as the format requires (seeds whose checksum encodes to + or / are skipped).
    /// </summary>
    public static string WithMarvinCommonAnnotatedKey(int seed = 5, bool shortForm = false)
    {
        for (var attempt = seed; ; attempt += 7919)
        {
            var first80 = P(Random(Base62, 52, attempt), "JQQ", "J99", Random(Base62, 1, attempt + 1), "A", Random(Base62, 16, attempt + 2), "T", Random(Base62, 3, attempt + 3));
            var key = IdentifiableKeys.WithMarvinCommonAnnotated(first80);
            if (key.IndexOf('+') < 0 && key.IndexOf('/') < 0)
            {
                return shortForm ? key[..84] : key;
            }
        }
    }

    /// <summary>The same token with one character of its random part changed (its checksum now fails).</summary>
    public static string OneCharacterChanged(string token, int index = 10)
    {
        var replacement = token[index] == 'k' ? 'm' : 'k';
        return token[..index] + replacement + token[(index + 1)..];
    }

    /// <summary>(family name as on the rule page, a token of that family).</summary>
    public static IEnumerable<object[]> AllFamilies()
    {
        yield return new object[] { "AWS access key ID", P("AK", "IA", Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 10)) };
        yield return new object[] { "AWS secret access key", P("aws_secret_access_key=", Random(Base64, 40, 11)) };
        yield return new object[] { "Azure Cosmos DB key", P("AccountEndpoint=https://acct.documents.azure.com:443/;Account", "Key=", Random(Base64, 86, 12), "==;") };
        yield return new object[] { "Azure Storage account key", P("DefaultEndpointsProtocol=https;AccountName=acct;Account", "Key=", Random(Base64, 86, 13), "==;EndpointSuffix=core.windows.net") };
        yield return new object[] { "Azure SAS token", P("https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2030-01-01&s", "ig=", Random(Base62, 43, 14), "%3D") };
        yield return new object[] { "Azure Service Bus / Event Hubs / Relay key", P("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccess", "Key=", Random(Base64, 43, 15), "=") };
        yield return new object[] { "Microsoft Entra ID client secret", WithMarvinEntraSecret(16) };
        yield return new object[] { "Azure identifiable key", WithMarvinAzureKey("+AS" + "t", 18) };
        yield return new object[] { "Microsoft common annotated security key", WithMarvinCommonAnnotatedKey(20) };
        yield return new object[] { "GitHub token (classic)", GitHub() };
        yield return new object[] { "GitHub fine-grained token", P("github", "_pat_", Random(Base62, 22, 24), "_", Random(Base62, 59, 25)) };
        yield return new object[] { "GitLab token", P("gl", "pat-", Random(Base62, 20, 26)) };
        yield return new object[] { "Slack token", P("xo", "xb-", Random(Digits, 12, 27), "-", Random(Digits, 13, 28), "-", Random(Base62, 24, 29)) };
        yield return new object[] { "Slack webhook", P("https://hooks.sl", "ack.com/services/T", Random(Upper, 8, 30), "/B", Random(Upper, 8, 31), "/", Random(Base62, 24, 32)) };
        yield return new object[] { "Stripe secret or restricted key", P("sk", "_live_", Random(Base62, 24, 33)) };
        yield return new object[] { "Stripe webhook secret", P("wh", "sec_", Random(Base62, 32, 34)) };
        yield return new object[] { "Twilio API key", P("S", "K", Random(Hex, 32, 35)) };
        yield return new object[] { "SendGrid API key", P("S", "G.", Random(Base62, 22, 36), ".", Random(Base62, 43, 37)) };
        yield return new object[] { "Mailgun API key", P("ke", "y-", Random(Base62, 32, 38)) };
        yield return new object[] { "OpenAI API key", P("sk-", "proj-", Random(Base62, 20, 39), "T3Blbk", "FJ", Random(Base62, 20, 40)) };
        yield return new object[] { "Anthropic API key", P("sk-", "ant-api03-", Random(Base62, 93, 41), "AA") };
        yield return new object[] { "Hugging Face token", P("h", "f_", Random(Upper + Lower, 34, 42)) };
        yield return new object[] { "Google API key", P("AI", "za", Random(Base62, 35, 43)) };
        yield return new object[] { "Google OAuth client secret", P("GOC", "SPX-", Random(Base62, 28, 44)) };
        yield return new object[] { "npm token", Npm() };
        yield return new object[] { "NuGet API key", P("oy", "2", "c", Random(Digits + Lower, 15, 45), "a", Random(Digits + Lower, 11, 46), "e", "b", "c", Random(Digits + Lower, 11, 47), "a") };
        yield return new object[] { "Databricks token", P("da", "pi", Random(Hex, 32, 48)) };
        yield return new object[] { "HashiCorp Vault token", P("hv", "s.", Random(Base62, 90, 49)) };
        yield return new object[] { "JSON Web Token", P("ey", "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.", "ey", "JzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.", Random(Base62 + "-_", 43, 50)) };
        yield return new object[] { "PEM private key", P("-----BEGIN RSA PRIV", "ATE KEY-----\\n", Random(Base64, 64, 51), "\\n", Random(Base64, 64, 52), "\\n-----END RSA PRIVATE KEY-----") };
        yield return new object[] { "Shopify token", P("shp", "at_", Random(Hex, 32, 53)) };
        yield return new object[] { "PyPI token", P("pypi-", "AgEIcHlwaS5vcmc", Random(Base62, 60, 54)) };
        yield return new object[] { "DigitalOcean token", P("do", "p_v1_", Random(Hex, 64, 55)) };
        yield return new object[] { "Discord webhook", P("https://disc", "ord.com/api/webhooks/", Random(Digits, 18, 56), "/", Random(Base62, 68, 57)) };
        yield return new object[] { "Square token", P("sq0", "atp-", Random(Base62, 22, 58)) };
        yield return new object[] { "Atlassian API token", P("ATA", "TT3", Random(Base62, 186, 59)) };
        yield return new object[] { "Postman API key", P("PM", "AK-", Random(Hex, 24, 60), "-", Random(Hex, 34, 61)) };
    }
}
