namespace Readiness.Analyzers.Secrets;

/// <summary>What a secret-named symbol holds: passwords need no entropy floor; keys, secrets and tokens do.</summary>
internal enum SecretKind
{
    None,
    Password,
    Key,
    ConnectionString,
}

/// <summary>The verdict on a name: its kind, what the message calls it, and its words.</summary>
internal readonly struct SecretName
{
    public SecretName(SecretKind kind, string label, List<string> words)
    {
        Kind = kind;
        Label = label;
        Words = words;
    }

    public SecretKind Kind { get; }
    public string Label { get; }
    public List<string> Words { get; }
    public bool IsSecret => Kind != SecretKind.None;
}

/// <summary>
/// Decides from a symbol name or configuration key whether it holds a secret. The head noun (last word) decides:
/// <c>ApiKey</c>, <c>DbPassword</c>, <c>Jwt:Key</c>, <c>ClientSecret</c> do; <c>PasswordLabel</c>, <c>TokenEndpoint</c>,
/// <c>SecretName</c>, <c>KeyVaultUri</c>, <c>PublicKey</c>, <c>UserSecretsId</c>, <c>InstrumentationKey</c> do not.
/// Names are split on case changes, digits, <c>_</c>, <c>:</c>, <c>__</c>, <c>-</c> and <c>.</c>.
/// </summary>
internal static class SecretNames
{
    private static readonly Dictionary<string, (SecretKind Kind, string Label)> Heads = new(StringComparer.Ordinal)
    {
        ["password"] = (SecretKind.Password, "password"),
        ["passwd"] = (SecretKind.Password, "password"),
        ["pwd"] = (SecretKind.Password, "password"),
        ["pass"] = (SecretKind.Password, "password"),
        ["passphrase"] = (SecretKind.Password, "passphrase"),
        ["passcode"] = (SecretKind.Password, "passcode"),
        ["secret"] = (SecretKind.Key, "secret"),
        ["token"] = (SecretKind.Key, "token"),
        ["apikey"] = (SecretKind.Key, "API key"),
        ["accesskey"] = (SecretKind.Key, "access key"),
        ["secretkey"] = (SecretKind.Key, "secret key"),
        ["privatekey"] = (SecretKind.Key, "private key"),
        ["signingkey"] = (SecretKind.Key, "signing key"),
        ["clientsecret"] = (SecretKind.Key, "client secret"),
        ["connectionstring"] = (SecretKind.ConnectionString, "connection string"),
        ["connstr"] = (SecretKind.ConnectionString, "connection string"),
    };

    /// <summary>Qualifiers that make <c>key</c> (or <c>string</c>) a secret: <c>ApiKey</c>, <c>Jwt:Key</c>, <c>SigningKey</c>.</summary>
    private static readonly Dictionary<string, string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        ["api"] = "API key",
        ["access"] = "access key",
        ["secret"] = "secret key",
        ["private"] = "private key",
        ["signing"] = "signing key",
        ["encryption"] = "encryption key",
        ["decryption"] = "decryption key",
        ["shared"] = "shared key",
        ["account"] = "account key",
        ["master"] = "master key",
        ["jwt"] = "JWT signing key",
        ["hmac"] = "HMAC key",
        ["subscription"] = "subscription key",
        ["security"] = "security key",
        ["app"] = "app key",
        ["auth"] = "auth key",
        ["storage"] = "storage key",
        ["session"] = "session key",
        ["webhook"] = "webhook key",
        ["aes"] = "encryption key",
        ["crypto"] = "encryption key",
        ["sas"] = "SAS key",
        ["function"] = "function key",
        ["host"] = "function host key",
    };

    /// <summary>Tokens that are not credentials: paging, cancellation, parsing, anti-forgery.</summary>
    private static readonly HashSet<string> NonSecretTokenQualifiers = new(StringComparer.Ordinal)
    {
        "cancellation", "continuation", "page", "paging", "next", "sync", "resume", "skip", "change", "lexer", "syntax",
        "json", "xml", "csrf", "xsrf", "antiforgery", "verification", "stop", "start", "end", "separator", "delimiter",
        "cancel", "progress", "lock", "sort", "search", "query", "format", "template", "replacement", "placeholder",
    };

    private static readonly HashSet<string> NonSecretPassQualifiers = new(StringComparer.Ordinal)
    {
        "first", "second", "third", "last", "next", "render", "compiler", "season", "boarding", "hall", "day", "by", "bus", "free",
    };

    /// <summary>
    /// Words that make the whole name a non-secret: <c>HashedPassword</c>, <c>SamplePassword</c>, <c>FakeToken</c>, and the
    /// blocklists a password policy checks against (<c>CommonPasswords</c>, <c>BannedPasswords</c>, <c>BreachedPasswords</c>).
    /// </summary>
    private static readonly HashSet<string> NonSecretAnywhere = new(StringComparer.Ordinal)
    {
        "hash", "hashed", "salted", "encrypted", "masked", "redacted", "fake", "dummy", "sample", "example", "mock", "regex", "pattern",
        "common", "weak", "banned", "blocked", "forbidden", "disallowed", "breached", "leaked", "pwned", "compromised", "popular",
        "blacklist", "blacklisted", "blocklist", "blocklisted", "denylist", "denylisted",
    };

    /// <summary>All-lower-case compounds such as <c>dbpassword</c> or <c>githubtoken</c>.</summary>
    private static readonly string[] CompoundSuffixes = { "password", "passwd", "secret", "apikey", "token", "accesskey", "secretkey" };

    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "secrets", "token", "apikey", "accesskey",
        "secretkey", "privatekey", "signingkey", "clientsecret", "api", "access", "refresh", "auth", "bearer", "client",
        "signing", "private", "jwt", "app", "user", "db", "value", "type", "connection", "string", "my",
    };

    /// <summary>True for words that say "secret" or that commonly sit next to one in key names (<c>api</c>, <c>access</c>, <c>client</c>).</summary>
    public static bool IsSecretWord(string word) => SecretWords.Contains(word);

    public static SecretName Classify(string name, ImmutableArray<string> extraWords, ImmutableArray<string> excludedWords)
    {
        var none = new SecretName(SecretKind.None, string.Empty, new List<string>(0));
        if (name.Length < 3)
        {
            return none;
        }

        var words = NameWords.Split(name);
        if (words.Count == 0)
        {
            return none;
        }

        foreach (var word in words)
        {
            if (NonSecretAnywhere.Contains(word) || (!excludedWords.IsDefaultOrEmpty && excludedWords.Contains(word)))
            {
                return none;
            }
        }

        // Plurals name collections of the same thing: ApiKeys, AllowedTokens, ClientSecrets.
        var last = words[words.Count - 1] switch
        {
            "keys" => "key",
            "tokens" => "token",
            "secrets" => "secret",
            "passwords" => "password",
            "passphrases" => "passphrase",
            var word => word,
        };
        var previous = words.Count >= 2 ? words[words.Count - 2] : null;

        if (!extraWords.IsDefaultOrEmpty && (extraWords.Contains(last) || (previous is not null && extraWords.Contains(previous + last))))
        {
            return new SecretName(SecretKind.Key, last, words);
        }

        if (last == "key" && previous is not null && KeyQualifiers.TryGetValue(previous, out var keyLabel))
        {
            // PublicKey, PrimaryKey, InstrumentationKey, CacheKey are not in the table.
            return new SecretName(SecretKind.Key, keyLabel, words);
        }

        if (last == "string" && previous == "connection")
        {
            return new SecretName(SecretKind.ConnectionString, "connection string", words);
        }

        if (last == "str" && previous == "conn")
        {
            return new SecretName(SecretKind.ConnectionString, "connection string", words);
        }

        if (Heads.TryGetValue(last, out var head))
        {
            if (last == "token" && previous is not null && NonSecretTokenQualifiers.Contains(previous))
            {
                return none;
            }

            // "pass" alone is too ambiguous (a compiler pass, a season pass); DB_PASS and smtpPass are passwords.
            if (last == "pass" && (previous is null || NonSecretPassQualifiers.Contains(previous)))
            {
                return none;
            }

            var label = head.Label;
            if (last == "secret" && previous == "client")
            {
                label = "client secret";
            }
            else if (last == "token" && previous is "access" or "refresh" or "bearer" or "auth" or "api" or "id")
            {
                label = previous + " token";
            }

            return new SecretName(head.Kind, label, words);
        }

        foreach (var suffix in CompoundSuffixes)
        {
            if (last.Length > suffix.Length + 1 && last.EndsWith(suffix, StringComparison.Ordinal))
            {
                var qualifier = last.Substring(0, last.Length - suffix.Length);
                if (suffix == "token" && NonSecretTokenQualifiers.Contains(qualifier))
                {
                    return none;
                }

                var kind = suffix is "password" or "passwd" ? SecretKind.Password : SecretKind.Key;
                return new SecretName(kind, Heads.TryGetValue(suffix, out var h) ? h.Label : suffix, words);
            }
        }

        return none;
    }
}
