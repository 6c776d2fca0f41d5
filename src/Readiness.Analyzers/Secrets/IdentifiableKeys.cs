namespace Readiness.Analyzers.Secrets;

/// <summary>
/// The checksums Microsoft builds into its identifiable secrets, from the public format (Microsoft.Security.Utilities):
/// <list type="bullet">
/// <item><b>Azure identifiable keys</b>: base64 of N bytes whose last 4 bytes are the little-endian Marvin32 of the
/// bytes before them, seeded per key kind; a 4-character signature (<c>+ASt</c>, <c>AzSe</c>…) sits just before the
/// 6 checksum characters. 64-byte keys (88 chars), 32-byte (44), 40-byte URL-safe (56, Azure Functions), 39-byte (52).</item>
/// <item><b>Common annotated security keys</b> (<c>…JQQJ99…</c>): 64 bytes (88 chars) or the 84-character short form
/// that keeps 3 of the 4 checksum bytes; Marvin32 of the first 60 bytes, seed <c>Default0</c>. Derived keys
/// (<c>JQQJ9D</c>) and hashed keys (<c>JQQJ9H</c>) use another encoding: format only.</item>
/// <item><b>Entra ID client secrets</b> with the current <c>8Q~</c> signature: 40 characters, the last 3 are the first 3
/// of the Marvin32 of the first 37 characters, written in the secret's own 66-character alphabet. The legacy <c>7Q~</c>
/// format has no checksum.</item>
/// </list>
/// Each check returns true (checksum valid), false (the checksum fails: not this family) or null (the format carries no
/// checksum we can verify). Nothing here throws.
/// </summary>
internal static class IdentifiableKeys
{
    /// <summary>The seed literal "Default0" read as a little-endian 64-bit number (storage keys, common annotated keys).</summary>
    public const ulong DefaultSeed = 0x44656661756c7430;

    private const ulong EntraSeed = 0x4161645077643030;
    private const string EntraAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~";

    private static readonly ulong[] MessagingSeeds =
    {
        0x53656e6430303030, // Send
        0x4c697374656e3030, // Listen
        0x4d616e6167653030, // Manage
        0x53797374656d3030, // System
        0x556e6b6e6f776e30, // Unknown
    };

    /// <summary>Signature → (key length in bytes, URL-safe alphabet, checksum seeds).</summary>
    internal static readonly Dictionary<string, (int Bytes, bool UrlSafe, ulong[] Seeds)> Signatures = new(StringComparer.Ordinal)
    {
        ["+ASt"] = (64, false, new[] { DefaultSeed }),                                      // Storage account
        ["ACDb"] = (64, false, new ulong[]
        {
            0x4d617374524f3030, 0x4d61737452573030, 0x537973416c6c3030, 0x5265736f75723030,
            0x53797374524f3030, 0x456e637279703030, 0x5379737452573030,
        }),                                                                                  // Cosmos DB
        ["APIM"] = (64, false, new ulong[] { 0x54656e616e743030, 0x496f544875623030, 0x4761746577793030, 0x4769744b65793030 }), // API Management
        ["+ABa"] = (64, false, new ulong[] { 0x4162416363743030 }),                         // Batch
        ["+AMC"] = (64, false, new ulong[] { 0x436c617373696330 }),                         // Machine Learning (classic)
        ["AzCa"] = (32, false, new ulong[] { 0x4163636573733030 }),                         // Cache for Redis
        ["+ASb"] = (32, false, MessagingSeeds),                                              // Service Bus
        ["+AEh"] = (32, false, MessagingSeeds),                                              // Event Hubs
        ["+ARm"] = (32, false, MessagingSeeds),                                              // Relay
        ["AIoT"] = (32, false, new ulong[] { 0x496f544875623030, 0x4470734b65793030, 0x4465766963653030 }), // IoT Hub, DPS, device
        ["AZEG"] = (32, false, new[] { DefaultSeed }),                                      // Event Grid
        ["AzFu"] = (40, true, new ulong[] { 0x46756e6374693030, 0x4d61737465723030, 0x53797374656d3030 }), // Functions
        ["+ACR"] = (39, false, new ulong[] { 0x41435244666c7430 }),                         // Container Registry
        ["AzSe"] = (39, false, new ulong[] { 0x5175657279303030, 0x5041646d696e3030 }),    // AI Search
    };

    /// <summary>An Azure identifiable key (the signature 10 characters before the end of the unpadded text).</summary>
    public static bool? CheckAzureKey(string token)
    {
        var trimmed = token.TrimEnd('=');
        if (trimmed.Length < 16)
        {
            return false;
        }

        var signature = trimmed.Substring(trimmed.Length - 10, 4);
        if (!Signatures.TryGetValue(signature, out var format))
        {
            return null;
        }

        var bytes = DecodeBase64(trimmed);
        if (bytes is null || bytes.Length != format.Bytes)
        {
            return false;
        }

        var expected = ReadInt32(bytes, bytes.Length - 4);
        foreach (var seed in format.Seeds)
        {
            if (Marvin32.Hash32(bytes, 0, bytes.Length - 4, seed) == expected)
            {
                return true;
            }
        }

        return signature == "AzCa" && RedisVariantValid(token, bytes, format.Seeds[0]);
    }

    /// <summary>
    /// A common annotated security key: <c>JQQJ99</c> keys carry Marvin32 over their first 60 bytes (88-char form: all 4
    /// checksum bytes; 84-char form: the first 3). Derived (<c>D</c>) and hashed (<c>H</c>) keys: null (format only).
    /// </summary>
    public static bool? CheckCommonAnnotatedKey(string token)
    {
        if (token.Length != 84 && token.Length != 88)
        {
            return false;
        }

        if (token[57] != '9')
        {
            return null;
        }

        var bytes = DecodeBase64(token.TrimEnd('='));
        if (bytes is null || bytes.Length < 63)
        {
            return false;
        }

        var checksum = Marvin32.Hash32(bytes, 0, 60, DefaultSeed);
        var kept = bytes.Length >= 64 ? 4 : 3;
        for (var i = 0; i < kept; i++)
        {
            if (bytes[60 + i] != (byte)(checksum >> (8 * i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An Entra ID client secret: <c>8Q~</c> secrets carry a checksum; <c>7Q~</c> and others: null (format only).</summary>
    public static bool? CheckEntraSecret(string token)
    {
        if (token.Length < 6 || token[4] != 'Q' || token[5] != '~' || token[3] != '8')
        {
            return null;
        }

        if (token.Length != 40)
        {
            return false;
        }

        var expected = EntraChecksum(token.Substring(0, 37));
        return expected is not null && string.CompareOrdinal(token, 37, expected, 0, 3) == 0;
    }

    /// <summary>The 3 checksum characters of an Entra ID client secret's first 37 characters (null when not Latin-1).</summary>
    internal static string? EntraChecksum(string first37)
    {
        var bytes = new byte[first37.Length];
        for (var i = 0; i < first37.Length; i++)
        {
            if (first37[i] > 0xFF)
            {
                return null;
            }

            bytes[i] = (byte)first37[i];
        }

        return EncodeInEntraAlphabet((uint)Marvin32.Hash32(bytes, 0, bytes.Length, EntraSeed)).Substring(0, 3);
    }

    /// <summary>A 32-bit value in the Entra secret alphabet, most significant digit first, 6 digits.</summary>
    internal static string EncodeInEntraAlphabet(uint value)
    {
        var digits = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = EntraAlphabet[(int)(value % (uint)EntraAlphabet.Length)];
            value /= (uint)EntraAlphabet.Length;
        }

        return new string(digits);
    }

    /// <summary>
    /// Builds a key with a valid checksum (used by tests to make realistic keys): <paramref name="randomPart"/> and
    /// <paramref name="signature"/> become the leading characters, the checksum the last 6. The random part must be as
    /// long as the format wants (its length plus 10, padded, is the encoded key length).
    /// </summary>
    internal static string WithMarvinChecksum(string randomPart, string signature, ulong seed, bool urlSafe = false)
    {
        var text = randomPart + signature + "AAAAAA";
        if (urlSafe)
        {
            text = text.Replace('-', '+').Replace('_', '/');
        }

        var bytes = DecodeBase64(text) ?? throw new ArgumentException("Not base64.", nameof(randomPart));
        var checksum = Marvin32.Hash32(bytes, 0, bytes.Length - 4, seed);
        for (var i = 0; i < 4; i++)
        {
            bytes[bytes.Length - 4 + i] = (byte)(checksum >> (8 * i));
        }

        var key = Convert.ToBase64String(bytes);
        return urlSafe ? key.Replace('+', '-').Replace('/', '_') : key;
    }

    /// <summary>Builds a 64-byte common annotated key from its first 80 characters (88-char form).</summary>
    internal static string WithMarvinCommonAnnotated(string first80) => WithMarvinChecksum(first80.Substring(0, 80), string.Empty, DefaultSeed);

    /// <summary>Redis keys whose <c>+</c>/<c>/</c> were replaced by <c>P</c>/<c>F</c> after the checksum was written.</summary>
    private static bool RedisVariantValid(string token, byte[] bytes, ulong seed)
    {
        var copy = (byte[])bytes.Clone();
        var checksum = Marvin32.Hash32(copy, 0, copy.Length, seed);
        for (var i = 0; i < 4; i++)
        {
            copy[copy.Length - 4 + i] = (byte)(checksum >> (8 * i));
        }

        var rebuilt = Convert.ToBase64String(copy).Replace('+', 'P').Replace('/', 'F');
        return string.Equals(rebuilt, token, StringComparison.Ordinal);
    }

    private static int ReadInt32(byte[] bytes, int offset)
        => bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24);

    /// <summary>Decodes unpadded base64 (standard or URL-safe alphabet); null on any other character.</summary>
    internal static byte[]? DecodeBase64(string text)
    {
        var bits = 0;
        var buffer = 0;
        var result = new byte[text.Length * 6 / 8];
        var n = 0;
        foreach (var c in text)
        {
            int v;
            if (c >= 'A' && c <= 'Z')
            {
                v = c - 'A';
            }
            else if (c >= 'a' && c <= 'z')
            {
                v = c - 'a' + 26;
            }
            else if (c >= '0' && c <= '9')
            {
                v = c - '0' + 52;
            }
            else if (c is '+' or '-')
            {
                v = 62;
            }
            else if (c is '/' or '_')
            {
                v = 63;
            }
            else
            {
                return null;
            }

            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                if (n < result.Length)
                {
                    result[n++] = (byte)(buffer >> bits);
                }

                buffer &= (1 << bits) - 1;
            }
        }

        return result;
    }
}
