namespace Readiness.Analyzers.Options;

public static partial class ReadinessOptions
{
    public static readonly OptionDefinition<RuleMode> ConsoleOutput = new(
        "readiness.logging.console_output",
        RuleMode.Auto,
        "auto",
        ParseMode,
        "RDY2001/RDY2002: auto (web apps, workers and libraries that use Microsoft.Extensions.Logging), always, or never.");

    public static readonly OptionDefinition<ImmutableArray<string>> ExtraSensitiveNames = new(
        "readiness.logging.sensitive_names",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseList,
        "RDY2003: extra comma-separated words that mark a name as sensitive (e.g. iban, dateofbirth).");
}
