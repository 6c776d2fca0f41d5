namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>The line ending a fix writes: the document's own, so a CRLF file stays CRLF.</summary>
internal static class EndOfLine
{
    /// <summary>The document's first end-of-line trivia, or <c>\n</c> when it has none (a one-line file).</summary>
    public static SyntaxTrivia Of(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return SyntaxFactory.EndOfLine(trivia.ToString());
            }
        }

        return SyntaxFactory.EndOfLine("\n");
    }
}
