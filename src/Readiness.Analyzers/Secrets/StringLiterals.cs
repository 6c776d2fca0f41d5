using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Readiness.Analyzers.Secrets;

/// <summary>Every piece of literal text in a tree: regular, verbatim, raw, UTF-8 and interpolated-string text parts, wherever they sit (constants, attribute arguments, initializers).</summary>
internal static class StringLiterals
{
    public static IEnumerable<SyntaxToken> In(SyntaxNode root, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var token in root.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return token;
                    break;
            }
        }
    }

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
