namespace Readiness.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RDY1001_ProviderTokenInLiteral = Create(
        RuleIds.RDY1001_ProviderTokenInLiteral,
        title: "Do not hardcode provider tokens and keys",
        messageFormat: "This string contains {0} ({1}); remove it from source, rotate it, and read it from configuration or a secret store",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A string literal contains a credential in a provider's own format (AWS, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, Google, npm, NuGet, JWT, PEM private key and more). Anything committed to source control is readable by everyone with access to the repository, its forks, its build logs and its history, for ever.");

    public static readonly DiagnosticDescriptor RDY1002_SecretNamedSymbolAssignedLiteral = Create(
        RuleIds.RDY1002_SecretNamedSymbolAssignedLiteral,
        title: "Do not assign a hardcoded secret",
        messageFormat: "'{0}' is given a hardcoded {1} ({2}); read it from configuration, user-secrets or a secret store",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A field, property, local, parameter default, initializer, comparison or argument whose name says it holds a password, secret, key or token is given a string literal. The value ships in the assembly and in source control.");

    public static readonly DiagnosticDescriptor RDY1003_CredentialInStructuredString = Create(
        RuleIds.RDY1003_CredentialInStructuredString,
        title: "Do not hardcode credentials in connection strings, URIs or headers",
        messageFormat: "This string contains {0} ({1}); keep the credential out of source and supply it from configuration or a secret store",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A connection string with Password=/Pwd=, a URI with user:password@host, an Authorization Basic/Bearer header value, or a SQL CREATE/ALTER LOGIN … PASSWORD statement carries a literal credential.");

    public static readonly DiagnosticDescriptor RDY1004_HardcodedSecretFallback = Create(
        RuleIds.RDY1004_HardcodedSecretFallback,
        title: "Do not fall back to a hardcoded secret when configuration is missing",
        messageFormat: "'{0}' falls back to a hardcoded value ({1}) when it is not configured; fail fast with '?? throw new InvalidOperationException(...)' instead",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A secret read from configuration or the environment falls back to a literal (config[\"Jwt:Key\"] ?? \"…\", GetValue(\"ApiKey\", \"…\"), Environment.GetEnvironmentVariable(\"X\") ?? \"…\"). When the setting is missing in production the app silently runs with a key everyone can read in the source.");

    public static readonly DiagnosticDescriptor RDY1005_HardcodedKeyMaterial = Create(
        RuleIds.RDY1005_HardcodedKeyMaterial,
        title: "Do not build signing or encryption keys from constants",
        messageFormat: "The {0} key is built from a hardcoded value ({1}); load the key from configuration or a key store",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A SymmetricSecurityKey, an HMAC or a symmetric cipher is keyed with bytes of a literal (Encoding.UTF8.GetBytes(\"…\"), Convert.FromBase64String(\"…\"), \"…\"u8, new byte[] { … }). Anyone who reads the source or the assembly can forge tokens or decrypt data; a key shorter than the hash output (32 bytes for HS256) is weak as well.");

    public static readonly DiagnosticDescriptor RDY1101_SecretInConfigFile = Create(
        RuleIds.RDY1101_SecretInConfigFile,
        title: "Do not commit secrets in configuration files",
        messageFormat: "'{0}' in {1} holds {2} ({3}); keep it out of committed files: use user-secrets, environment variables or a vault",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A committed appsettings*.json, .env or docker-compose file holds a real secret: a provider token, a credential in a connection string or URI, or a real value under a secret-named key. References (${VAR}, *_FILE, Key Vault references, placeholders) are not reported. Severity for these diagnostics comes only from a .globalconfig.");
}
