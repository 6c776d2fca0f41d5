using System.Globalization;

namespace Readiness.Analyzers.Secrets;

/// <summary>
/// Value-side judgements shared by the secrets rules: entropy, masking, and the filters for values that are not
/// secrets (placeholders, configuration key paths, environment-variable names, URLs without credentials, file paths).
/// Allocation-light: every check is a single pass over the text.
/// </summary>
internal static class SecretText
{
    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            counts.TryGetValue(c, out var n);
            counts[c] = n + 1;
        }

        double entropy = 0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / text.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    /// <summary>A hint that never reveals the value: a known, public prefix (at most what the caller passes) and the length.</summary>
    public static string Mask(string? knownPrefix, int length)
        => string.IsNullOrEmpty(knownPrefix)
            ? length.ToString(CultureInfo.InvariantCulture) + " chars"
            : knownPrefix + "\u2026 (" + length.ToString(CultureInfo.InvariantCulture) + " chars)";

    public static bool IsBlank(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Template placeholders and masks: <c>&lt;your-key&gt;</c>, <c>${VAR}</c>, <c>{0}</c>, <c>{{name}}</c>, <c>%VAR%</c>,
    /// <c>$(Var)</c>, <c>__TOKEN__</c>, <c>#{Var}#</c>, <c>@Var@</c>, <c>***</c>, <c>xxxx</c>, one repeated character.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0)
        {
            return true;
        }

        if (v.IndexOf("${", StringComparison.Ordinal) >= 0
            || v.IndexOf("$(", StringComparison.Ordinal) >= 0
            || v.IndexOf("#{", StringComparison.Ordinal) >= 0
            || v.IndexOf("{{", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if ((v[0] == '<' && v[v.Length - 1] == '>')
            || (v[0] == '[' && v[v.Length - 1] == ']')
            || (v[0] == '{' && v[v.Length - 1] == '}')
            || (v.Length > 2 && v[0] == '%' && v[v.Length - 1] == '%')
            || (v.Length > 2 && v[0] == '@' && v[v.Length - 1] == '@')
            || (v.Length > 4 && v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal)))
        {
            return true;
        }

        // {0}, {name} anywhere: a format string, not a value.
        var open = v.IndexOf('{');
        if (open >= 0 && v.IndexOf('}', open) > open + 1 && !v.Contains(" "))
        {
            var inner = v.Substring(open + 1, v.IndexOf('}', open) - open - 1);
            if (IsSimpleIdentifierOrNumber(inner))
            {
                return true;
            }
        }

        return IsMask(v);
    }

    /// <summary>One repeated character (<c>***</c>, <c>xxxxxxxx</c>, <c>00000</c>), or mostly <c>x</c>/<c>*</c> around separators.</summary>
    public static bool IsMask(string v)
    {
        var first = char.ToLowerInvariant(v[0]);
        var same = true;
        var maskChars = 0;
        var letters = 0;
        foreach (var ch in v)
        {
            var c = char.ToLowerInvariant(ch);
            if (c != first)
            {
                same = false;
            }

            if (c is '*' or 'x' or '\u2022' or '#' or '.')
            {
                maskChars++;
            }

            if (char.IsLetterOrDigit(c) || c == '*')
            {
                letters++;
            }
        }

        return same || (letters > 0 && maskChars * 10 >= v.Length * 8);
    }

    /// <summary><c>Jwt:Key</c>, <c>ConnectionStrings:Default</c>, <c>Stripe:Keys:Secret</c>: a configuration key, not a value.</summary>
    public static bool IsConfigKeyPath(string v)
    {
        var segments = 0;
        var segmentStart = true;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c == ':')
            {
                if (segmentStart)
                {
                    return false;
                }

                segments++;
                segmentStart = true;
                continue;
            }

            if (segmentStart)
            {
                if (!char.IsLetter(c) && c != '_')
                {
                    return false;
                }

                segmentStart = false;
                continue;
            }

            if (!char.IsLetterOrDigit(c) && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return segments >= 1 && !segmentStart;
    }

    /// <summary><c>JWT_SECRET</c>, <c>ConnectionStrings__Default</c>, <c>STRIPE_API_KEY</c>: an environment-variable name.</summary>
    public static bool IsEnvironmentVariableName(string v)
    {
        if (v.Length < 3 || !char.IsLetter(v[0]))
        {
            return false;
        }

        var hasUnderscore = false;
        var allUpper = true;
        var hasLower = false;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c == '_')
            {
                hasUnderscore = true;
                continue;
            }

            if (char.IsLower(c))
            {
                allUpper = false;
                hasLower = true;
            }
            else if (!char.IsUpper(c) && !char.IsDigit(c))
            {
                return false;
            }
        }

        if (!hasUnderscore)
        {
            return false;
        }

        // UPPER_SNAKE, or Section__Key (double underscore is the .NET hierarchy separator).
        return allUpper || (hasLower && v.IndexOf("__", StringComparison.Ordinal) > 0);
    }

    /// <summary>An absolute URL whose authority carries no <c>user:password@</c>.</summary>
    public static bool IsUrlWithoutCredentials(string v)
    {
        var scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return false;
        }

        for (var i = 0; i < scheme; i++)
        {
            if (!char.IsLetterOrDigit(v[i]) && v[i] is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        var authorityEnd = v.IndexOf('/', scheme + 3);
        var authority = authorityEnd < 0 ? v.Substring(scheme + 3) : v.Substring(scheme + 3, authorityEnd - scheme - 3);
        var at = authority.LastIndexOf('@');
        return at < 0 || authority.IndexOf(':') < 0 || authority.IndexOf(':') > at;
    }

    private static readonly string[] FileExtensions =
    {
        ".pem", ".pfx", ".p12", ".key", ".crt", ".cer", ".der", ".json", ".txt", ".xml", ".config", ".jks", ".keystore", ".snk", ".env", ".yml", ".yaml", ".pub",
    };

    /// <summary><c>/run/secrets/db</c>, <c>C:\certs\api.pfx</c>, <c>keys/private.pem</c>, <c>~/.ssh/id_rsa</c>.</summary>
    public static bool IsFilePath(string v)
    {
        if (v.Length >= 3 && char.IsLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/'))
        {
            return true;
        }

        if (v.StartsWith("~/", StringComparison.Ordinal) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal)
            || v.StartsWith(".\\", StringComparison.Ordinal) || v.StartsWith("\\\\", StringComparison.Ordinal))
        {
            return true;
        }

        if (v.Length > 1 && v[0] == '/' && char.IsLetter(v[1]) && v.IndexOf('+') < 0 && v.IndexOf('=') < 0)
        {
            return true;
        }

        foreach (var extension in FileExtensions)
        {
            if (v.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && v.Length > extension.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Natural language: three or more spaces, or words made only of letters separated by spaces (<c>"an API key"</c>,
    /// <c>"Mot de passe"</c>): a message, a label, a prompt. (A passphrase of plain words is missed; documented.)
    /// </summary>
    public static bool IsProse(string v)
    {
        var spaces = 0;
        var onlyWords = true;
        foreach (var c in v)
        {
            if (c == ' ')
            {
                spaces++;
            }
            else if (!char.IsLetter(c) && c is not '.' and not ',' and not '\'' and not '-' and not ':' and not '?' and not '!')
            {
                onlyWords = false;
            }
        }

        return spaces >= 3 || (spaces >= 1 && onlyWords);
    }

    /// <summary>Words with spaces that are not a passphrase (<see cref="IsPassphrase"/>): a message, not a password.</summary>
    public static bool IsSentence(string v) => v.IndexOf(' ') >= 0 && !IsPassphrase(v.Trim());

    /// <summary>A media type: <c>text/plain</c>, <c>application/problem+json</c>, <c>image/svg+xml</c>.</summary>
    public static bool IsMediaType(string v)
    {
        var slash = v.IndexOf('/');
        if (slash <= 0 || slash == v.Length - 1 || v.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var type = v.Substring(0, slash);
        if (type is not ("text" or "application" or "image" or "audio" or "video" or "multipart" or "font" or "message" or "model"))
        {
            return false;
        }

        for (var i = slash + 1; i < v.Length; i++)
        {
            var c = v[i];
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c is '.' or '+' or '-' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A message-template or format hole: <c>{Id}</c>, <c>{0}</c>, <c>{Elapsed:N0}</c>, <c>{@Order}</c>.</summary>
    public static bool HasTemplateHole(string v)
    {
        for (var open = v.IndexOf('{'); open >= 0 && open < v.Length - 2; open = v.IndexOf('{', open + 1))
        {
            var i = open + 1;
            if (v[i] == '@' || v[i] == '$')
            {
                i++;
            }

            var start = i;
            while (i < v.Length && (char.IsLetterOrDigit(v[i]) || v[i] == '_' || v[i] == '.'))
            {
                i++;
            }

            if (i > start && i < v.Length && (v[i] == '}' || v[i] == ':' || v[i] == ','))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A passphrase of plain words (<c>"correct horse battery staple"</c>): 3 to 8 lower-case words of 3+ letters, none of
    /// them the small words a message or a label is made of (<c>is</c>, <c>your</c>, <c>must</c>, <c>enter</c>…). Given to a
    /// password-named symbol it is the password, not prose.
    /// </summary>
    public static bool IsPassphrase(string v)
    {
        var words = v.Split(' ');
        if (words.Length < 3 || words.Length > 8)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word.Length < 3 || MessageWords.Contains(word))
            {
                return false;
            }

            foreach (var c in word)
            {
                if (c < 'a' || c > 'z')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static readonly HashSet<string> MessageWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "you", "your", "not", "must", "please", "enter", "this", "that", "with", "least", "characters",
        "required", "invalid", "has", "have", "was", "were", "will", "can", "cannot", "should", "from", "into", "use", "new", "old",
        "confirm", "reset", "forgot", "change", "current", "match", "does", "too", "short", "long", "expired", "missing", "wrong",
        "here", "our", "their", "its", "all", "any", "see", "set", "get", "value", "field", "password", "passwords", "token", "key",
        "secret", "user", "name", "email", "again", "later", "failed", "error", "only",
    };

    /// <summary>
    /// <c>${VAR}</c>, <c>@Microsoft.KeyVault(...)</c>, <c>vault:</c>/<c>secret:</c> URIs, <c>/run/secrets/x</c>: a reference to a
    /// secret kept elsewhere. <paramref name="bareVariable"/>: also <c>$VAR</c> (config files; in code <c>"$uperS3cret"</c> is a password).
    /// </summary>
    public static bool IsReference(string value, bool bareVariable)
    {
        var v = value.Trim();
        return v.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("${", StringComparison.Ordinal)
            || (bareVariable && v.StartsWith("$", StringComparison.Ordinal) && v.Length > 1 && (char.IsLetter(v[1]) || v[1] == '_'))
            || v.StartsWith("vault:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("secret:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("/run/secrets/", StringComparison.Ordinal);
    }

    /// <summary>
    /// A key or header name that ends with the symbol's own name: <c>SubscriptionKey = "Ocp-Apim-Subscription-Key"</c>,
    /// <c>GitHubToken = "github_token"</c>. Letters and separators only; the letters end with the name's letters.
    /// </summary>
    public static bool EndsWithOwnName(string value, IReadOnlyList<string> nameWords)
    {
        var name = string.Concat(nameWords);
        if (name.Length < 5)
        {
            return false;
        }

        var letters = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '-' and not '_' and not '.' and not ':' and not ' ')
            {
                return false;
            }
        }

        return letters.ToString().EndsWith(name, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>Password = "Password"</c>, <c>ApiKeyHeader = "X-Api-Key"</c>, <c>Secret = "client_secret"</c>: the value is made only
    /// of the name's own words and secret words (no random part), so it is a label or a key name, not a secret.
    /// </summary>
    public static bool RepeatsNameWords(string value, IReadOnlyList<string> nameWords)
    {
        foreach (var c in value)
        {
            if (char.IsDigit(c))
            {
                return false;
            }
        }

        var valueWords = Common.NameWords.Split(value);
        if (valueWords.Count == 0)
        {
            return false;
        }

        // "github_token" for GitHubToken: every word is the name's own or a secret word, and one of them is a secret word.
        // "postgres" for POSTGRES_PASSWORD is a (weak) password, not a label: no secret word in it.
        var hasSecretWord = false;
        foreach (var w in valueWords)
        {
            if (w.Length == 1)
            {
                continue;
            }

            var secretWord = SecretNames.IsSecretWord(w) || w is "key" or "id" or "name" or "header";
            var known = secretWord;
            foreach (var n in nameWords)
            {
                if (w == n)
                {
                    known = true;
                }
            }

            if (!known)
            {
                return false;
            }

            hasSecretWord |= secretWord;
        }

        return hasSecretWord;
    }

    private static bool IsSimpleIdentifierOrNumber(string inner)
    {
        if (inner.Length == 0)
        {
            return false;
        }

        foreach (var c in inner)
        {
            if (!char.IsLetterOrDigit(c) && c is not '_' and not ':' and not '.' and not ',' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
