namespace Readiness.Analyzers.Options;

/// <summary>One option: its <c>.editorconfig</c>/<c>.globalconfig</c> key, its default, and how its text is read.</summary>
public interface IOptionDefinition
{
    string Key { get; }
    string DefaultText { get; }
    string Description { get; }
}

/// <inheritdoc cref="IOptionDefinition"/>
public sealed class OptionDefinition<T> : IOptionDefinition
{
    private readonly TryParse _parse;

    public delegate bool TryParse(string text, out T value);

    public OptionDefinition(string key, T defaultValue, string defaultText, TryParse parse, string description)
    {
        Key = key;
        Default = defaultValue;
        DefaultText = defaultText;
        _parse = parse;
        Description = description;
    }

    public string Key { get; }
    public T Default { get; }
    public string DefaultText { get; }
    public string Description { get; }

    /// <summary>Reads <paramref name="text"/>; an unreadable value falls back to the default (an analyzer never throws on config).</summary>
    public T Parse(string? text)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return Default;
        }

        return _parse(text.Trim(), out var value) ? value : Default;
    }

    internal static bool ParseBool(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }
}
