using System.Text;
using System.Text.RegularExpressions;

namespace Readiness.Analyzers.Secrets;

/// <summary>A credential found inside a structured string.</summary>
internal readonly struct CredentialMatch
{
    public CredentialMatch(string kind, string hint)
    {
        Kind = kind;
        Hint = hint;
    }

    /// <summary>"a connection-string password", "a password in a URI", …</summary>
    public string Kind { get; }

    /// <summary>A hint that never reveals the value (the length only).</summary>
    public string Hint { get; }
}

/// <summary>
/// RDY1003/RDY1101: credentials inside connection strings (<c>Password=</c>, <c>Pwd=</c>, Redis <c>password=</c>), URIs
/// (<c>scheme://user:pass@host</c>), <c>Authorization</c> header values (<c>Basic …</c>, <c>Bearer …</c>) and SQL
/// (<c>CREATE LOGIN … PASSWORD = '…'</c>). A keyword prefilter runs before any regex; every regex has a timeout.
/// </summary>
internal static class StructuredCredentials
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    private static readonly Regex ConnectionPassword = new(
        "(?:^|[;,])\\s*(?:password|pwd)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^;,]*))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex UriCredentials = new(
        "\\b[a-z][a-z0-9+.\\-]{1,20}://([^:/?#@\\s\"']{1,128}):([^/?@\\s\"']{1,256})@[^\\s/:@\"']",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex AuthorizationHeader = new(
        "^(?:Authorization\\s*:\\s*)?(Basic|Bearer)\\s+([A-Za-z0-9+/=._~\\-]{16,})\\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex SqlLoginPassword = new(
        "\\b(?:CREATE|ALTER)\\s+(?:LOGIN|USER|ROLE)\\b[^;]{0,200}?\\bPASSWORD\\s*=?\\s*N?'([^']*)'",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    /// <summary>The keys that mark a string as a connection string (beside the password).</summary>
    private static readonly string[] ConnectionKeys =
    {
        "server=", "host=", "data source=", "datasource=", "address=", "addr=", "user id=", "userid=", "uid=", "user=",
        "username=", "database=", "initial catalog=", "port=", "endpoint=", "ssl=", "abortconnect=",
    };

    public static bool TryFind(string text, out CredentialMatch match)
    {
        match = default;
        if (text.Length < 8)
        {
            return false;
        }

        try
        {
            return TryConnectionString(text, out match)
                || TryUri(text, out match)
                || TryAuthorization(text, out match)
                || TrySql(text, out match);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryConnectionString(string text, out CredentialMatch match)
    {
        match = default;
        if (IndexOfIgnoreCase(text, "pwd") < 0 && IndexOfIgnoreCase(text, "password") < 0)
        {
            return false;
        }

        var looksLikeConnectionString = false;
        foreach (var key in ConnectionKeys)
        {
            if (IndexOfIgnoreCase(text, key) >= 0)
            {
                looksLikeConnectionString = true;
                break;
            }
        }

        // Redis: "host:6379,password=…"
        if (!looksLikeConnectionString && text.IndexOf(',') > 0 && text.IndexOf(':') > 0 && text.IndexOf(';') < 0)
        {
            looksLikeConnectionString = true;
        }

        if (!looksLikeConnectionString)
        {
            return false;
        }

        for (var m = ConnectionPassword.Match(text); m.Success; m = m.NextMatch())
        {
            var value = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
            value = value.Trim();
            if (IsRealPassword(value))
            {
                match = new CredentialMatch("a password in a connection string", SecretText.Mask(null, value.Length));
                return true;
            }
        }

        return false;
    }

    private static bool TryUri(string text, out CredentialMatch match)
    {
        match = default;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || text.IndexOf('@', scheme) < 0)
        {
            return false;
        }

        for (var m = UriCredentials.Match(text); m.Success; m = m.NextMatch())
        {
            var password = Uri.UnescapeDataString(m.Groups[2].Value);
            if (IsRealPassword(password))
            {
                match = new CredentialMatch("a password in a URI", SecretText.Mask(null, password.Length));
                return true;
            }
        }

        return false;
    }

    private static bool TryAuthorization(string text, out CredentialMatch match)
    {
        match = default;
        var basic = IndexOfIgnoreCase(text, "basic ");
        var bearer = IndexOfIgnoreCase(text, "bearer ");
        if (basic < 0 && bearer < 0)
        {
            return false;
        }

        var m = AuthorizationHeader.Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var scheme = m.Groups[1].Value;
        var token = m.Groups[2].Value;
        if (ProviderTokens.LooksFake(token) || SecretText.IsPlaceholder(token))
        {
            return false;
        }

        if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            // Only a real base64 "user:password" is a credential.
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                var colon = decoded.IndexOf(':');
                if (colon <= 0 || colon == decoded.Length - 1 || !IsRealPassword(decoded.Substring(colon + 1)))
                {
                    return false;
                }
            }
            catch (FormatException)
            {
                return false;
            }

            match = new CredentialMatch("a Basic authorization header", "Basic \u2026 (" + token.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)");
            return true;
        }

        if (SecretText.Entropy(token) < 3.5)
        {
            return false;
        }

        match = new CredentialMatch("a Bearer authorization header", "Bearer \u2026 (" + token.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)");
        return true;
    }

    private static bool TrySql(string text, out CredentialMatch match)
    {
        match = default;
        if (IndexOfIgnoreCase(text, "password") < 0 || (IndexOfIgnoreCase(text, "login") < 0 && IndexOfIgnoreCase(text, "user") < 0 && IndexOfIgnoreCase(text, "role") < 0))
        {
            return false;
        }

        var m = SqlLoginPassword.Match(text);
        if (!m.Success || !IsRealPassword(m.Groups[1].Value))
        {
            return false;
        }

        match = new CredentialMatch("a password in a SQL login statement", SecretText.Mask(null, m.Groups[1].Value.Length));
        return true;
    }

    /// <summary>
    /// <c>"user:password"</c> as the text a Basic header encodes at run time
    /// (<c>Convert.ToBase64String(Encoding.UTF8.GetBytes("erp:Secr3t!"))</c>): one colon, no spaces, not a URL.
    /// </summary>
    public static bool TryBasicPair(string text, out CredentialMatch match)
    {
        match = default;
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon != text.LastIndexOf(':') || colon == text.Length - 1 || text.IndexOf(' ') >= 0
            || text.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var password = text.Substring(colon + 1);
        if (password.Length < 4 || !IsRealPassword(password))
        {
            return false;
        }

        match = new CredentialMatch("a user:password pair encoded into a Basic authorization header", SecretText.Mask(null, password.Length));
        return true;
    }

    /// <summary>Not empty, not a placeholder (<c>{0}</c>, <c>${DB_PASSWORD}</c>, <c>***</c>, <c>&lt;password&gt;</c>), not the word itself.</summary>
    private static bool IsRealPassword(string value)
    {
        if (value.Length == 0 || SecretText.IsBlank(value) || SecretText.IsPlaceholder(value))
        {
            return false;
        }

        var lower = value.ToLowerInvariant();
        return lower is not ("password" or "pwd" or "pass" or "passwd" or "secret" or "yourpassword" or "your_password" or "your-password");
    }

    private static int IndexOfIgnoreCase(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
}
