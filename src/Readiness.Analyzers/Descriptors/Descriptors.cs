namespace Readiness.Analyzers;

/// <summary>
/// The one descriptor factory: every rule gets its help link (its doc page), its category, its severity and,
/// for rules reported at compilation end, the <see cref="WellKnownDiagnosticTags.CompilationEnd"/> tag.
/// One partial file per family holds that family's descriptors.
/// </summary>
public static partial class Descriptors
{
    /// <summary>Where the rule pages live; a rule's help link is this plus <c>RDYnnnn.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/readiness-analyzers/Readiness.Analyzers/blob/main/src/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool enabledByDefault = true,
        bool compilationEnd = false)
    {
        var tags = compilationEnd
            ? new[] { WellKnownDiagnosticTags.CompilationEnd }
            : System.Array.Empty<string>();
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            enabledByDefault,
            description,
            HelpLink(id),
            tags);
    }
}
