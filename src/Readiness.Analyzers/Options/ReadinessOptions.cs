namespace Readiness.Analyzers.Options;

/// <summary>How a team forces a rule on or off regardless of what the application model decided.</summary>
public enum RuleMode
{
    /// <summary>Let the application model decide (the default).</summary>
    Auto,
    /// <summary>Always analyze.</summary>
    Always,
    /// <summary>Never analyze.</summary>
    Never,
}

/// <summary>
/// Every option the package reads, declared once with its default. Keys go in <c>.editorconfig</c> (under <c>[*.cs]</c>)
/// or in a <c>.globalconfig</c>; the rule pages document the ones they use.
/// </summary>
public static partial class ReadinessOptions
{
    public static readonly OptionDefinition<ProjectKind?> ProjectKindOverride = new(
        "readiness.project_kind",
        null,
        "auto",
        ParseProjectKind,
        "Overrides the detected project kind: web, worker, console, library, test (default: auto).");

    public static readonly OptionDefinition<bool> AnalyzeTestProjects = new(
        "readiness.analyze_test_projects",
        false,
        "false",
        OptionDefinition<bool>.ParseBool,
        "Whether rules run in test projects (default: false).");

    /// <summary>Every option declared in any part of this class (used by the docs and convention tests).</summary>
    public static IEnumerable<IOptionDefinition> All
    {
        get
        {
            foreach (var field in typeof(ReadinessOptions).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            {
                if (field.GetValue(null) is IOptionDefinition option)
                {
                    yield return option;
                }
            }
        }
    }

    /// <summary>Reads an option for one syntax tree: its <c>.editorconfig</c> sections, then any <c>.globalconfig</c>.</summary>
    public static T Get<T>(this AnalyzerOptions options, OptionDefinition<T> option, SyntaxTree tree)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GetOptions(tree).TryGetValue(option.Key, out var text)
            || provider.GlobalOptions.TryGetValue(option.Key, out text))
        {
            return option.Parse(text);
        }

        return option.Default;
    }

    /// <summary>Reads a project-wide option (<c>.globalconfig</c> or an MSBuild-visible setting).</summary>
    public static T GetGlobal<T>(this AnalyzerOptions options, OptionDefinition<T> option)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(option.Key, out var text)
            ? option.Parse(text)
            : option.Default;

    /// <summary>Reads an MSBuild property made compiler-visible by the package's build props.</summary>
    public static string? GetBuildProperty(this AnalyzerOptions options, string name)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + name, out var value)
            && value.Length > 0
                ? value
                : null;

    internal static bool ParseMode(string text, out RuleMode value)
    {
        switch (text.ToLowerInvariant())
        {
            case "auto": value = RuleMode.Auto; return true;
            case "always":
            case "true":
            case "on": value = RuleMode.Always; return true;
            case "never":
            case "false":
            case "off": value = RuleMode.Never; return true;
            default: value = RuleMode.Auto; return false;
        }
    }

    private static bool ParseProjectKind(string text, out ProjectKind? value)
    {
        switch (text.ToLowerInvariant())
        {
            case "auto": value = null; return true;
            case "web": value = ProjectKind.WebApp; return true;
            case "worker": value = ProjectKind.Worker; return true;
            case "console": value = ProjectKind.ConsoleTool; return true;
            case "library": value = ProjectKind.Library; return true;
            case "test": value = ProjectKind.TestProject; return true;
            default: value = null; return false;
        }
    }

    internal static bool ParseInt(string text, out int value)
        => int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);

    internal static bool ParseText(string text, out string value)
    {
        value = text;
        return true;
    }

    internal static bool ParseList(string text, out ImmutableArray<string> value)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = part.Trim();
            if (word.Length > 0)
            {
                builder.Add(word.ToLowerInvariant());
            }
        }

        value = builder.ToImmutable();
        return true;
    }
}
