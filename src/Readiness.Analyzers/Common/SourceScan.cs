namespace Readiness.Analyzers.Common;

/// <summary>
/// Finds identifiers by name across a compilation without walking its syntax. The compilation-wide facts (the application
/// model, the rate limiter's policies) look for a few names among millions of nodes: a scan of each file's text finds the
/// few places those names are written, and only there is the syntax tree asked which token it is. Comments, strings and
/// disabled code match the text but not an identifier token, so they are ruled out as the node walk would rule them out.
/// </summary>
internal static class SourceScan
{
    /// <summary>Whether the identifier written at <c>text[start..start+length]</c> is wanted.</summary>
    public delegate bool NameFilter(string text, int start, int length);

    /// <summary>
    /// The identifier tokens of <paramref name="tree"/> whose name <paramref name="wanted"/> accepts, in source order.
    /// The filter sees the raw text (a verbatim <c>@name</c> without its <c>@</c>); the tokens it returns are checked to be
    /// identifiers of the code, never words in comments, strings or disabled regions.
    /// </summary>
    public static List<SyntaxToken> Identifiers(SyntaxTree tree, NameFilter wanted, CancellationToken cancellationToken)
    {
        var found = new List<SyntaxToken>();
        var text = tree.GetText(cancellationToken).ToString();
        SyntaxNode? root = null;
        var length = text.Length;
        for (var i = 0; i < length; i++)
        {
            if (!IsIdentifierStart(text[i]))
            {
                continue;
            }

            var start = i;
            while (i + 1 < length && IsIdentifierPart(text[i + 1]))
            {
                i++;
            }

            if (!wanted(text, start, i + 1 - start))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(start);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart <= start && token.Span.End == i + 1)
            {
                found.Add(token);
            }
        }

        return found;
    }

    /// <summary>Whether the name at <c>text[start..start+length]</c> is <paramref name="name"/>.</summary>
    public static bool Is(string text, int start, int length, string name)
        => length == name.Length && string.CompareOrdinal(text, start, name, 0, length) == 0;

    /// <summary>Whether the name at <c>text[start..start+length]</c> starts with <paramref name="prefix"/>.</summary>
    public static bool StartsWith(string text, int start, int length, string prefix)
        => length >= prefix.Length && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0;

    /// <summary>
    /// Whether what follows the name, past white space, can make it a call: an argument list <c>(</c> or type arguments
    /// <c>&lt;</c>. A cheap test before asking the syntax tree; <see cref="InvocationNamedBy"/> gives the answer.
    /// </summary>
    public static bool MayBeCalled(string text, int end)
    {
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end < text.Length && text[end] is '(' or '<';
    }

    /// <summary>
    /// The invocation whose method <paramref name="token"/> names (<c>x.Name(…)</c>, <c>Name(…)</c>, <c>x?.Name(…)</c>,
    /// generic forms too), or null.
    /// </summary>
    public static InvocationExpressionSyntax? InvocationNamedBy(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            ? access
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name
                ? binding
                : (ExpressionSyntax)name;
        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
    }

    private static bool IsIdentifierStart(char c)
        => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' || (c >= 0x80 && char.IsLetter(c));

    private static bool IsIdentifierPart(char c)
        => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || (c >= 0x80 && char.IsLetterOrDigit(c));
}

/// <summary>
/// A <see cref="SourceScan"/> for one fixed filter whose result is kept per tree while the tree lives: a compilation-wide
/// fact built from it reads, after an edit, the edited file again and every other file from the cache.
/// </summary>
internal sealed class CachedNameScan
{
    private readonly Memo<SyntaxTree, ImmutableArray<SyntaxToken>> _byTree;

    public CachedNameScan(SourceScan.NameFilter wanted)
    {
        _byTree = new((tree, cancellationToken) => SourceScan.Identifiers(tree, wanted, cancellationToken).ToImmutableArray());
    }

    /// <summary>The identifier tokens of <paramref name="tree"/> the filter accepts, in source order.</summary>
    public ImmutableArray<SyntaxToken> In(SyntaxTree tree, CancellationToken cancellationToken) => _byTree.Get(tree, cancellationToken);
}
