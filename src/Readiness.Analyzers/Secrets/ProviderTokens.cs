using System.Text.RegularExpressions;

namespace Readiness.Analyzers.Secrets;

/// <summary>One provider's token format: the literal markers that must be present, the exact pattern, and extra checks.</summary>
internal sealed class TokenFamily
{
    public TokenFamily(string name, string label, string[] markers, string pattern, string maskPrefix, Func<string, bool?>? checksum = null, Func<string, string, bool>? validate = null, int group = 0)
    {
        Name = name;
        Label = label;
        Markers = markers;
        Regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        MaskPrefix = maskPrefix;
        Checksum = checksum;
        Validate = validate;
        Group = group;
    }

    /// <summary>The family's short name, as listed on the rule page.</summary>
    public string Name { get; }

    /// <summary>What the message calls it ("a GitHub personal access token").</summary>
    public string Label { get; }

    public string[] Markers { get; }
    public Regex Regex { get; }

    /// <summary>The public part of the format that the message may show (never more than the provider's prefix).</summary>
    public string MaskPrefix { get; }

    /// <summary>
    /// For formats with a checksum: true when it holds (the token is certain), false when it fails (the token is not
    /// reported as this family), null when this token's variant carries no checksum (format and signature only).
    /// </summary>
    public Func<string, bool?>? Checksum { get; }

    /// <summary>Extra checks on (whole text, matched token).</summary>
    public Func<string, string, bool>? Validate { get; }

    /// <summary>The regex group holding the secret (0 = the whole match).</summary>
    public int Group { get; }
}

/// <summary>A provider token found in a text.</summary>
internal readonly struct TokenMatch
{
    public TokenMatch(TokenFamily family, int index, int length, bool checksumValid, string prefix)
    {
        Family = family;
        Prefix = prefix;
        Index = index;
        Length = length;
        ChecksumValid = checksumValid;
    }

    public TokenFamily Family { get; }
    public int Index { get; }
    public int Length { get; }
    public bool ChecksumValid { get; }

    /// <summary>The provider's public prefix as it appears in the token (<c>ghp_</c>), never any of the random part.</summary>
    public string Prefix { get; }

    public string Hint => SecretText.Mask(Prefix, Length) + (ChecksumValid ? ", checksum valid" : string.Empty);
}

/// <summary>
/// The catalog of provider token formats (RDY1001, RDY1101). A one-pass marker prefilter (first character, then an
/// ordinal compare) decides which few regexes run at all; most literals run none. Regexes carry a 100 ms timeout.
/// </summary>
internal static class ProviderTokens
{
    private const string B62 = "A-Za-z0-9";

    public static readonly TokenFamily[] Families =
    {
        new("AWS access key ID", "an AWS access key ID", new[] { "AKIA", "ASIA", "ABIA", "ACCA" },
            "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])", "AKIA"),
        new("AWS secret access key", "an AWS secret access key", new[] { "aws_secret", "AWS_SECRET", "SecretAccessKey", "secretAccessKey", "secret_access_key", "SECRET_ACCESS_KEY" },
            "(?i:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", string.Empty, group: 1),
        new("Azure Cosmos DB key", "an Azure Cosmos DB account key", new[] { "AccountEndpoint=", "accountendpoint=" },
            "(?i:AccountEndpoint)=https://[^;]+;\\s*(?i:AccountKey)=([A-Za-z0-9+/]{86}==)", "AccountKey=", checksum: IdentifiableKeys.CheckAzureKey, group: 1),
        new("Azure Storage account key", "an Azure Storage account key", new[] { "AccountKey=", "accountkey=", "ACCOUNTKEY=" },
            "(?i:AccountKey)=([A-Za-z0-9+/]{86}==)", "AccountKey=", checksum: IdentifiableKeys.CheckAzureKey, group: 1),
        new("Azure SAS token", "an Azure shared access signature", new[] { "sig=" },
            "[?&;]sig=([A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})", "sig=", validate: static (text, _) => text.IndexOf("sv=", StringComparison.Ordinal) >= 0, group: 1),
        new("Azure Service Bus / Event Hubs / Relay key", "an Azure Service Bus or Event Hubs shared access key", new[] { "SharedAccessKey=", "sharedaccesskey=" },
            "(?i:SharedAccessKey)=([A-Za-z0-9+/]{43}=)", "SharedAccessKey=", checksum: IdentifiableKeys.CheckAzureKey, group: 1),
        new("Microsoft Entra ID client secret", "a Microsoft Entra ID client secret", new[] { "Q~" },
            "(?<![A-Za-z0-9_~.\\-])[A-Za-z0-9_~.\\-]{3}[0-9]Q~[A-Za-z0-9_~.\\-]{31,34}(?![A-Za-z0-9_~.\\-])", string.Empty, checksum: IdentifiableKeys.CheckEntraSecret),
        new("Azure identifiable key", "an Azure identifiable key", new[] { "+ASt", "ACDb", "APIM", "+ABa", "+AMC", "AzCa", "+ASb", "+AEh", "+ARm", "AIoT", "AZEG", "AzFu", "+ACR", "AzSe" },
            "(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{76}(?:\\+ASt|ACDb|APIM|\\+ABa|\\+AMC)[A-Za-z0-9+/]{5}[AQgw]=="
            + "|(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{33}(?:AzCa|\\+ASb|\\+AEh|\\+ARm|AIoT|AZEG)[A-P][A-Za-z0-9+/]{5}="
            + "|(?<![A-Za-z0-9_\\-])[A-Za-z0-9_\\-]{44}AzFu[A-Za-z0-9_\\-]{5}[AQgw]=="
            + "|(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}(?:\\+ACR|AzSe)[A-D][A-Za-z0-9+/]{5}(?![A-Za-z0-9+/=])",
            string.Empty, checksum: IdentifiableKeys.CheckAzureKey),
        new("Microsoft common annotated security key", "a Microsoft identifiable key (Azure DevOps PAT or similar)", new[] { "JQQJ9" },
            "(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?", string.Empty, checksum: IdentifiableKeys.CheckCommonAnnotatedKey),
        new("GitHub token (classic)", "a GitHub token", new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" },
            "(?<![A-Za-z0-9_])gh[pousr]_[" + B62 + "]{36}(?![A-Za-z0-9_])", "gh?_", checksum: Crc32Base62Valid),
        new("GitHub fine-grained token", "a GitHub fine-grained personal access token", new[] { "github_pat_" },
            "github_pat_[" + B62 + "]{22}_[" + B62 + "]{59}", "github_pat_"),
        new("GitLab token", "a GitLab token", new[] { "glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "gloas-" },
            "(?<![A-Za-z0-9_\\-])gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_\\-]{20,}", "gl…-"),
        new("Slack token", "a Slack token", new[] { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe", "xapp-" },
            "(?<![A-Za-z0-9])(?:xox[bpaers](?:\\.[A-Za-z0-9]+)?-[0-9A-Za-z\\-]{10,}|xapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]+)", "xox"),
        new("Slack webhook", "a Slack incoming webhook URL", new[] { "hooks.slack.com/" },
            "hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+]{30,}", "https://hooks.slack.com/"),
        new("Stripe secret or restricted key", "a Stripe secret key", new[] { "sk_live_", "rk_live_", "sk_test_", "rk_test_" },
            "(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[" + B62 + "]{24,}", "sk_"),
        new("Stripe webhook secret", "a Stripe webhook signing secret", new[] { "whsec_" },
            "(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{32,}", "whsec_"),
        new("Twilio API key", "a Twilio API key", new[] { "SK" },
            "(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])", "SK"),
        new("SendGrid API key", "a SendGrid API key", new[] { "SG." },
            "(?<![A-Za-z0-9])SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}(?![A-Za-z0-9_\\-])", "SG."),
        new("Mailgun API key", "a Mailgun API key", new[] { "key-" },
            "(?<![A-Za-z0-9_\\-])key-[0-9a-zA-Z]{32}(?![A-Za-z0-9])", "key-"),
        new("OpenAI API key", "an OpenAI API key", new[] { "T3BlbkFJ" },
            "(?<![A-Za-z0-9_\\-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\\-]{16,}T3BlbkFJ[A-Za-z0-9_\\-]{16,}", "sk-"),
        new("Anthropic API key", "an Anthropic API key", new[] { "sk-ant-" },
            "sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\\-]{80,}", "sk-ant-"),
        new("Hugging Face token", "a Hugging Face access token", new[] { "hf_" },
            "(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])", "hf_", validate: static (_, token) => HasUpperAndLower(token)),
        new("Google API key", "a Google API key", new[] { "AIza" },
            "(?<![A-Za-z0-9_\\-])AIza[0-9A-Za-z_\\-]{35}(?![A-Za-z0-9_\\-])", "AIza"),
        new("Google OAuth client secret", "a Google OAuth client secret", new[] { "GOCSPX-" },
            "GOCSPX-[A-Za-z0-9_\\-]{28}", "GOCSPX-"),
        new("npm token", "an npm access token", new[] { "npm_" },
            "(?<![A-Za-z0-9_])npm_[" + B62 + "]{36}(?![A-Za-z0-9_])", "npm_", checksum: Crc32Base62Valid),
        new("NuGet API key", "a NuGet API key", new[] { "oy2" },
            "(?<![0-9a-z])oy2[a-p][0-9a-z]{15}[aq][0-9a-z]{11}[eu][bdfhjlnprtvxz357][a-p][0-9a-z]{11}[aeimquy4](?![0-9a-z])", "oy2"),
        new("Databricks token", "a Databricks access token", new[] { "dapi" },
            "(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])", "dapi"),
        new("HashiCorp Vault token", "a HashiCorp Vault token", new[] { "hvs.", "hvb." },
            "(?<![A-Za-z0-9_])hv[sb]\\.[A-Za-z0-9_\\-]{24,}", "hvs."),
        new("JSON Web Token", "a signed JSON Web Token", new[] { "eyJ" },
            "(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{16,}", "eyJ"),
        new("PEM private key", "a PEM private key", new[] { "-----BEGIN " },
            "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\\s:,\\-\\\\]{64,}", "-----BEGIN PRIVATE KEY-----"),
        new("Shopify token", "a Shopify access token", new[] { "shpat_", "shpss_", "shpca_", "shppa_" },
            "shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}", "shp"),
        new("PyPI token", "a PyPI upload token", new[] { "pypi-AgEIcHlwaS5vcmc" },
            "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,}", "pypi-"),
        new("DigitalOcean token", "a DigitalOcean token", new[] { "dop_v1_", "doo_v1_", "dor_v1_" },
            "do[por]_v1_[a-f0-9]{64}", "do?_v1_"),
        new("Discord webhook", "a Discord webhook URL", new[] { "discord.com/api/webhooks/", "discordapp.com/api/webhooks/" },
            "discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\\-]{60,}", "https://discord.com/api/webhooks/"),
        new("Square token", "a Square access token", new[] { "sq0atp-", "sq0csp-" },
            "sq0(?:atp-[0-9A-Za-z_\\-]{22}|csp-[0-9A-Za-z_\\-]{43})", "sq0"),
        new("Atlassian API token", "an Atlassian API token", new[] { "ATATT3" },
            "ATATT3[A-Za-z0-9_\\-=]{186}", "ATATT3"),
        new("Postman API key", "a Postman API key", new[] { "PMAK-" },
            "PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "PMAK-"),
    };

    /// <summary>The shortest text any family can match; shorter literals are skipped without looking at them.</summary>
    public const int MinimumLength = 20;

    private static readonly List<(string Marker, int Family)>?[] ByFirstChar = BuildIndex();

    private static List<(string Marker, int Family)>?[] BuildIndex()
    {
        var index = new List<(string, int)>?[128];
        for (var f = 0; f < Families.Length; f++)
        {
            foreach (var marker in Families[f].Markers)
            {
                var c = marker[0];
                (index[c] ??= new List<(string, int)>()).Add((marker, f));
            }
        }

        return index;
    }

    /// <summary>Finds the first provider token in <paramref name="text"/>. Placeholder-looking and checksum-failing tokens are not reported.</summary>
    public static bool TryFind(string text, out TokenMatch match)
    {
        match = default;
        if (text.Length < MinimumLength)
        {
            return false;
        }

        // Prefilter: which families' markers occur at all (a bit per family).
        ulong candidates = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128)
            {
                continue;
            }

            var markers = ByFirstChar[c];
            if (markers is null)
            {
                continue;
            }

            foreach (var (marker, family) in markers)
            {
                if (i + marker.Length <= text.Length && string.CompareOrdinal(text, i, marker, 0, marker.Length) == 0)
                {
                    candidates |= 1UL << family;
                }
            }
        }

        if (candidates == 0)
        {
            return false;
        }

        for (var f = 0; f < Families.Length; f++)
        {
            if ((candidates & (1UL << f)) == 0)
            {
                continue;
            }

            var family = Families[f];
            Match m;
            try
            {
                m = family.Regex.Match(text);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            for (; m.Success; m = m.NextMatch())
            {
                var group = m.Groups[family.Group];
                var token = group.Value;
                if (LooksFake(token) || (family.Validate is not null && !family.Validate(text, token)))
                {
                    continue;
                }

                // A failing checksum means "not this family" (weaker evidence: other rules may still judge the value).
                var checksum = family.Checksum?.Invoke(token);
                if (checksum == false)
                {
                    continue;
                }

                var checksumValid = checksum == true;

                match = new TokenMatch(family, group.Index, group.Length, checksumValid, ResolvePrefix(family.MaskPrefix, token));
                return true;
            }
        }

        return false;
    }

    /// <summary>Documentation examples and placeholders: <c>EXAMPLE</c>, runs of one character, <c>abcdef</c>/<c>123456</c> runs, low entropy.</summary>
    internal static bool LooksFake(string token)
    {
        if (token.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) >= 0
            || token.IndexOf("xxxxx", StringComparison.OrdinalIgnoreCase) >= 0
            || token.IndexOf("*****", StringComparison.Ordinal) >= 0
            || token.IndexOf("00000", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        var run = 1;
        for (var i = 1; i < token.Length; i++)
        {
            var previous = token[i - 1];
            var current = token[i];
            run = char.IsLetterOrDigit(current) && current == previous + 1 ? run + 1 : 1;
            if (run >= 6)
            {
                return true;
            }
        }

        return SecretText.Entropy(token) < 3.0;
    }

    /// <summary>Masks with a wildcard (<c>gh?_</c>, <c>gl…-</c>) take the real prefix up to its first separator (at most 8 chars).</summary>
    private static string ResolvePrefix(string maskPrefix, string token)
    {
        if (maskPrefix.IndexOf('?') < 0 && maskPrefix.IndexOf('\u2026') < 0)
        {
            return maskPrefix;
        }

        for (var i = 0; i < token.Length && i < 8; i++)
        {
            if (token[i] is '_' or '-')
            {
                return token.Substring(0, i + 1);
            }
        }

        return string.Empty;
    }

    private static bool HasUpperAndLower(string token)
    {
        bool upper = false, lower = false;
        foreach (var c in token)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return upper && lower;
    }

    private const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>GitHub (classic) and npm tokens: prefix (4 chars), 30 random base62 chars, then CRC32 of the random part in 6 base62 chars.</summary>
    internal static bool? Crc32Base62Valid(string token)
    {
        if (token.Length != 40)
        {
            return false;
        }

        var crc = Crc32(token, 4, 30);
        var expected = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            expected[i] = Base62Alphabet[(int)(crc % 62)];
            crc /= 62;
        }

        return string.CompareOrdinal(token, 34, new string(expected), 0, 6) == 0;
    }

    /// <summary>Appends a valid checksum (used by tests to build realistic tokens).</summary>
    internal static string WithCrc32Base62(string prefixAndRandom)
    {
        var crc = Crc32(prefixAndRandom, 4, prefixAndRandom.Length - 4);
        var expected = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            expected[i] = Base62Alphabet[(int)(crc % 62)];
            crc /= 62;
        }

        return prefixAndRandom + new string(expected);
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static uint Crc32(string text, int start, int length)
    {
        var crc = 0xFFFFFFFFu;
        for (var i = start; i < start + length; i++)
        {
            crc = CrcTable[(crc ^ (byte)text[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
