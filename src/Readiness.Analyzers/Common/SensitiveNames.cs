namespace Readiness.Analyzers.Common;

/// <summary>
/// Decides whether a name denotes a sensitive value, by its head noun: <c>userPassword</c>, <c>ApiKey</c>,
/// <c>ConnectionString</c> and <c>creditCardNumber</c> do; <c>PasswordLength</c>, <c>TokenEndpoint</c>,
/// <c>SecretName</c> and <c>PublicKey</c> do not, because the last word says what the value is.
/// </summary>
internal static class SensitiveNames
{
    private static readonly Dictionary<string, string> SingleWords = new(StringComparer.Ordinal)
    {
        ["password"] = "a password",
        ["passwd"] = "a password",
        ["pwd"] = "a password",
        ["passphrase"] = "a password",
        ["secret"] = "a secret",
        ["token"] = "a token",
        ["apikey"] = "an API key",
        ["credentials"] = "credentials",
        ["ssn"] = "a social security number",
        ["cvv"] = "a card security code",
        ["cvc"] = "a card security code",
        ["connectionstring"] = "a connection string",
        ["privatekey"] = "a private key",
    };

    private static readonly Dictionary<(string, string), string> Pairs = new()
    {
        [("api", "key")] = "an API key",
        [("access", "key")] = "an access key",
        [("secret", "key")] = "a secret key",
        [("private", "key")] = "a private key",
        [("signing", "key")] = "a signing key",
        [("encryption", "key")] = "an encryption key",
        [("client", "secret")] = "a client secret",
        [("connection", "string")] = "a connection string",
        [("conn", "str")] = "a connection string",
        [("credit", "card")] = "a card number",
        [("card", "number")] = "a card number",
        [("password", "hash")] = "a password hash",
        [("security", "number")] = "a social security number",
    };

    /// <summary>Tokens that are not credentials: paging, cancellation, parsing.</summary>
    private static readonly HashSet<string> NonSecretTokenQualifiers = new(StringComparer.Ordinal)
    {
        "continuation", "page", "next", "cancellation", "sync", "resume", "skip", "change", "lexer", "syntax", "json", "xml",
    };

    /// <summary>Suffixes that mark an all-lower-case compound (<c>dbpassword</c>, <c>githubtoken</c>).</summary>
    private static readonly string[] CompoundSuffixes = { "password", "passwd", "secret", "apikey", "token", "connectionstring" };

    /// <summary>Returns what kind of sensitive value <paramref name="name"/> denotes ("a password"), or null.</summary>
    public static string? Classify(string name, ImmutableArray<string> extraWords)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var words = NameWords.Split(name);
        if (words.Count == 0)
        {
            return null;
        }

        var last = words[words.Count - 1];
        if (words.Count >= 2 && Pairs.TryGetValue((words[words.Count - 2], last), out var pairKind))
        {
            return pairKind;
        }

        if (last == "token" && words.Count >= 2 && NonSecretTokenQualifiers.Contains(words[words.Count - 2]))
        {
            return null;
        }

        if (SingleWords.TryGetValue(last, out var kind))
        {
            return kind;
        }

        foreach (var suffix in CompoundSuffixes)
        {
            if (last.Length > suffix.Length && last.EndsWith(suffix, StringComparison.Ordinal))
            {
                return SingleWords.TryGetValue(suffix, out var compoundKind) ? compoundKind : null;
            }
        }

        if (!extraWords.IsDefaultOrEmpty)
        {
            var joined = string.Concat(words);
            foreach (var extra in extraWords)
            {
                if (last == extra || joined.EndsWith(extra, StringComparison.Ordinal))
                {
                    return "sensitive data ('" + extra + "')";
                }
            }
        }

        return null;
    }
}
