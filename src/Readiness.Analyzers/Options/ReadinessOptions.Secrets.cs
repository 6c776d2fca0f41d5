using System.Globalization;

namespace Readiness.Analyzers.Options;

public static partial class ReadinessOptions
{
    public static readonly OptionDefinition<ImmutableArray<string>> SecretExtraWords = new(
        "readiness.secrets.extra_words",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseList,
        "RDY1002/RDY1004/RDY1101: extra comma-separated words that make a name or key secret (e.g. pin, licensekey).");

    public static readonly OptionDefinition<ImmutableArray<string>> SecretExcludedWords = new(
        "readiness.secrets.excluded_words",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseList,
        "RDY1002/RDY1004/RDY1101: comma-separated words that make a name or key not secret (e.g. demo, localdev).");

    public static readonly OptionDefinition<string> SecretAllowPattern = new(
        "readiness.secrets.allow_pattern",
        string.Empty,
        "(none)",
        ParseText,
        "All secrets rules: a .NET regular expression; values it matches (anywhere) are never reported.");

    public static readonly OptionDefinition<int> SecretMinLength = new(
        "readiness.secrets.min_length",
        8,
        "8",
        ParseInt,
        "RDY1002/RDY1004/RDY1101: the shortest value reported for keys, secrets and tokens (passwords: 4).");

    public static readonly OptionDefinition<double> SecretMinEntropy = new(
        "readiness.secrets.min_entropy",
        2.5,
        "2.5",
        ParseDouble,
        "RDY1002/RDY1101: the lowest Shannon entropy (bits per character) reported for keys, secrets and tokens.");

    public static readonly OptionDefinition<ImmutableArray<string>> SecretConfigFiles = new(
        "readiness.secrets.config_files",
        ImmutableArray.Create("appsettings", "env", "compose"),
        "appsettings,env,compose",
        ParseList,
        "RDY1101: which committed config files to scan: appsettings (appsettings*.json), env (.env*), compose (docker-compose*.yml, compose*.yml).");

    internal static bool ParseDouble(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0;
}
