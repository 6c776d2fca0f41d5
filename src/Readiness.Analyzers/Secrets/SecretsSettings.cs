using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Readiness.Analyzers.Secrets;

/// <summary>The options one syntax tree (or config file) is analyzed with, read once per tree.</summary>
internal sealed class SecretsSettings
{
    private static readonly ConcurrentDictionary<string, Regex?> AllowPatterns = new(StringComparer.Ordinal);

    private readonly Regex? _allow;

    private SecretsSettings(ImmutableArray<string> extraWords, ImmutableArray<string> excludedWords, Regex? allow, int minLength, double minEntropy)
    {
        ExtraWords = extraWords;
        ExcludedWords = excludedWords;
        _allow = allow;
        MinLength = minLength;
        MinEntropy = minEntropy;
    }

    public ImmutableArray<string> ExtraWords { get; }
    public ImmutableArray<string> ExcludedWords { get; }
    public int MinLength { get; }
    public double MinEntropy { get; }

    public static SecretsSettings For(AnalyzerOptions options, SyntaxTree tree)
        => new(
            options.Get(ReadinessOptions.SecretExtraWords, tree),
            options.Get(ReadinessOptions.SecretExcludedWords, tree),
            Compile(options.Get(ReadinessOptions.SecretAllowPattern, tree)),
            options.Get(ReadinessOptions.SecretMinLength, tree),
            options.Get(ReadinessOptions.SecretMinEntropy, tree));

    public static SecretsSettings Global(AnalyzerOptions options)
        => new(
            options.GetGlobal(ReadinessOptions.SecretExtraWords),
            options.GetGlobal(ReadinessOptions.SecretExcludedWords),
            Compile(options.GetGlobal(ReadinessOptions.SecretAllowPattern)),
            options.GetGlobal(ReadinessOptions.SecretMinLength),
            options.GetGlobal(ReadinessOptions.SecretMinEntropy));

    private readonly ConcurrentDictionary<string, SecretName> _names = new(StringComparer.Ordinal);
    private int _nameCount;

    /// <summary>Classifies a name once per tree's settings (names repeat: parameters, properties, keys); bounded.</summary>
    public SecretName Classify(string name)
    {
        if (_names.TryGetValue(name, out var known))
        {
            return known;
        }

        var result = SecretNames.Classify(name, ExtraWords, ExcludedWords);
        if (System.Threading.Interlocked.Increment(ref _nameCount) < 4096)
        {
            _names.TryAdd(name, result);
        }

        return result;
    }

    /// <summary>True when the team's allow-list pattern matches the value.</summary>
    public bool IsAllowed(string value)
    {
        if (_allow is null)
        {
            return false;
        }

        try
        {
            return _allow.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The value classifier for a secret-named symbol or key: false for placeholders, key paths, environment-variable
    /// names, URLs without credentials, file paths, prose, the name's own words; passwords need 4 characters, keys and
    /// tokens the configured length and entropy.
    /// </summary>
    public bool IsSecretValue(string value, SecretName name)
    {
        if (SecretText.IsBlank(value) || SecretText.IsPlaceholder(value) || SecretText.IsReference(value, bareVariable: false) || IsAllowed(value))
        {
            return false;
        }

        var v = value.Trim();
        if (SecretText.IsConfigKeyPath(v)
            || SecretText.IsEnvironmentVariableName(v)
            || SecretText.IsUrlWithoutCredentials(v)
            || SecretText.IsFilePath(v)
            || (SecretText.IsProse(v) && !(name.Kind == SecretKind.Password && SecretText.IsPassphrase(v)))
            || SecretText.RepeatsNameWords(v, name.Words)
            || SecretText.EndsWithOwnName(v, name.Words))
        {
            return false;
        }

        if (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(v, "null", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "none", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.Kind switch
        {
            SecretKind.Password => v.Length >= 4,
            SecretKind.Key => v.Length >= MinLength && SecretText.Entropy(v) >= MinEntropy,
            _ => false,
        };
    }

    private static Regex? Compile(string pattern)
    {
        if (pattern.Length == 0)
        {
            return null;
        }

        return AllowPatterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
    }
}

/// <summary>
/// Per-compilation cache of each tree's settings (options are read once per tree, not once per literal); null for trees
/// the rules skip (test projects unless opted in).
/// </summary>
internal sealed class SecretsSettingsCache
{
    private readonly Memo<SyntaxTree, SecretsSettings?> _byTree;

    public SecretsSettingsCache(RuleEnvironment environment)
    {
        _byTree = new((tree, cancellationToken) => environment.Applies(tree, cancellationToken) ? SecretsSettings.For(environment.Options, tree) : null);
    }

    public SecretsSettings? For(SyntaxTree tree) => _byTree.Get(tree, CancellationToken.None);
}
