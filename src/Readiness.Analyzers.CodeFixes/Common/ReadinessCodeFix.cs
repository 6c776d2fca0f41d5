namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// The fix a <see cref="ReadinessCodeFixProvider"/> offers for one diagnostic: its title, its equivalence key, and the edit
/// that applies it to the document the provider was given.
/// </summary>
public sealed class ReadinessCodeFix
{
    private ReadinessCodeFix(string title, string equivalenceKey, Func<Document, CancellationToken, Task<Document>> edit, string? oncePerDocument)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Edit = edit;
        OncePerDocument = oncePerDocument;
    }

    /// <summary>What the light bulb shows.</summary>
    public string Title { get; }

    /// <summary>The public <c>…EquivalenceKey</c> constant of the provider for this fix.</summary>
    public string EquivalenceKey { get; }

    /// <summary>Applies the fix to the document that <see cref="ReadinessCodeFixProvider.GetFixAsync"/> was given.</summary>
    public Func<Document, CancellationToken, Task<Document>> Edit { get; }

    /// <summary>
    /// Null for a fix made at its diagnostic. For a fix that adds something the whole document needs once (a registration,
    /// a middleware call, a check for a type), a name for that thing: Fix All applies the first fix of each name in a
    /// document and skips later ones, however many diagnostics ask for it.
    /// </summary>
    public string? OncePerDocument { get; }

    /// <summary>A fix whose edit runs when the fix is applied.</summary>
    public static ReadinessCodeFix Create(
        string title,
        string equivalenceKey,
        Func<Document, CancellationToken, Task<Document>> edit,
        string? oncePerDocument = null)
        => new(title, equivalenceKey, edit, oncePerDocument);

    /// <summary>
    /// A fix already computed (when deciding whether the fix applies takes the whole edit): applying it yields
    /// <paramref name="fixedDocument"/>, the edit of the document the provider was given.
    /// </summary>
    public static ReadinessCodeFix Create(string title, string equivalenceKey, Document fixedDocument, string? oncePerDocument = null)
        => new(title, equivalenceKey, (_, _) => Task.FromResult(fixedDocument), oncePerDocument);
}
