namespace Readiness.Analyzers.Secrets;

/// <summary>Every piece of literal text in a tree: regular, verbatim, raw, UTF-8 and interpolated-string text parts, wherever they sit (constants, attribute arguments, initializers).</summary>
internal static class StringLiterals
{
    /// <summary>
    /// The syntax kinds whose nodes hold literal text: string literals (regular, verbatim, raw, UTF-8, in constants,
    /// attribute arguments and initializers alike) and the text parts of interpolated strings. Registered as node actions,
    /// they ride on the driver's one shared walk of each tree instead of a walk per analyzer.
    /// </summary>
    public static readonly ImmutableArray<SyntaxKind> NodeKinds = ImmutableArray.Create(
        SyntaxKind.StringLiteralExpression,
        SyntaxKind.Utf8StringLiteralExpression,
        SyntaxKind.InterpolatedStringText);

    /// <summary>
    /// The expressions a value-level rule starts from: string literals (also UTF-8) and whole interpolated strings. Every
    /// value those rules can report holds one of them.
    /// </summary>
    public static readonly ImmutableArray<SyntaxKind> ValueKinds = ImmutableArray.Create(
        SyntaxKind.StringLiteralExpression,
        SyntaxKind.Utf8StringLiteralExpression,
        SyntaxKind.InterpolatedStringExpression);

    public static bool IsValueKind(SyntaxNode node)
        => node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.Utf8StringLiteralExpression) || node.IsKind(SyntaxKind.InterpolatedStringExpression);

    /// <summary>The first literal value in <paramref name="value"/> (itself included), not looking inside nodes <paramref name="stop"/> rejects.</summary>
    public static SyntaxNode? FirstValueIn(SyntaxNode value, System.Func<SyntaxNode, bool> stop)
    {
        foreach (var node in value.DescendantNodesAndSelf(n => !stop(n)))
        {
            if (IsValueKind(node))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>The literal-text token of a node of one of <see cref="NodeKinds"/>.</summary>
    public static SyntaxToken TokenOf(SyntaxNode node) => node switch
    {
        LiteralExpressionSyntax literal => literal.Token,
        InterpolatedStringTextSyntax text => text.TextToken,
        _ => default,
    };

    /// <summary>The token's text as the program sees it (escapes resolved), or null when it is too short to matter.</summary>
    public static string? ValueOf(SyntaxToken token, int minimumLength)
    {
        // The source span bounds the value: a literal shorter in source cannot hold a longer value.
        if (token.Span.Length < minimumLength)
        {
            return null;
        }

        var value = token.ValueText;
        return value.Length >= minimumLength ? value : null;
    }
}
