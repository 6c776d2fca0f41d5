using Microsoft.CodeAnalysis.Formatting;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>How the <see cref="StartupEditor"/> lays out a new statement: indentation of every line, line endings.</summary>
internal static class Layout
{
    public static SyntaxTriviaList Whitespace(string indentation)
        => indentation.Length == 0 ? default : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation));

    /// <summary>Every line ending inside <paramref name="node"/> written as <paramref name="endOfLine"/>.</summary>
    public static TNode WithEndOfLine<TNode>(TNode node, SyntaxTrivia endOfLine)
        where TNode : SyntaxNode
        => node.ReplaceTrivia(node.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)), (_, _) => endOfLine);

    /// <summary>
    /// <paramref name="indentation"/> added at the start of every line of <paramref name="node"/> but its first: a template
    /// of several lines (a lambda) is written relative to its statement, and goes where the statement goes.
    /// </summary>
    public static TNode Indent<TNode>(TNode node, string indentation)
        where TNode : SyntaxNode
    {
        if (indentation.Length == 0)
        {
            return node;
        }

        var starts = new HashSet<SyntaxToken>();
        SyntaxToken? previous = null;
        foreach (var token in node.DescendantTokens())
        {
            if (previous is { } before && (EndsLine(before.TrailingTrivia) || token.LeadingTrivia.Any(SyntaxKind.EndOfLineTrivia)))
            {
                starts.Add(token);
            }

            previous = token;
        }

        return node.ReplaceTokens(
            starts,
            (original, token) => token.WithLeadingTrivia(IndentLines(token.LeadingTrivia, indentation, EndsLine(original.GetPreviousToken().TrailingTrivia))));
    }

    /// <summary>
    /// Appends <paramref name="statement"/> to the body of <paramref name="owner"/> (a block, a method or a lambda), before
    /// a final <c>return</c>. An expression body becomes a block holding the expression and the statement, its braces at
    /// <paramref name="outerIndentation"/> and the statements at <paramref name="indentation"/>.
    /// </summary>
    public static SyntaxNode Append(SyntaxNode owner, StatementSyntax statement, string indentation, string outerIndentation, SyntaxTrivia endOfLine)
    {
        switch (owner)
        {
            case BlockSyntax block:
                return AppendToBlock(block, statement);
            case MethodDeclarationSyntax { Body: { } body } method:
                return method.WithBody(AppendToBlock(body, statement));
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                return method
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithParameterList(method.ParameterList.WithTrailingTrivia(endOfLine))
                    .WithBody(NewBlock(arrow.Expression, statement, indentation, outerIndentation, endOfLine).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            case AnonymousFunctionExpressionSyntax { Block: { } body } lambda:
                return lambda.WithBlock(AppendToBlock(body, statement));
            case AnonymousFunctionExpressionSyntax { ExpressionBody: { } expression } lambda:
                var arrowed = lambda is SimpleLambdaExpressionSyntax simple
                    ? simple.WithArrowToken(simple.ArrowToken.WithTrailingTrivia(endOfLine))
                    : lambda is ParenthesizedLambdaExpressionSyntax parenthesized
                        ? parenthesized.WithArrowToken(parenthesized.ArrowToken.WithTrailingTrivia(endOfLine))
                        : lambda;
                return arrowed
                    .WithExpressionBody(null)
                    .WithBlock(NewBlock(expression, statement, indentation, outerIndentation, endOfLine))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            default:
                return owner;
        }
    }

    private static BlockSyntax AppendToBlock(BlockSyntax block, StatementSyntax statement)
    {
        var statements = block.Statements;
        var index = statements.Count > 0 && statements[statements.Count - 1] is ReturnStatementSyntax ? statements.Count - 1 : statements.Count;
        var appended = block.WithStatements(statements.Insert(index, statement));
        return statements.Count == 0 ? appended.WithAdditionalAnnotations(Formatter.Annotation) : appended;
    }

    /// <summary>The block an expression body becomes, laid out in full (the formatter would keep a lambda's brace on the arrow's line).</summary>
    private static BlockSyntax NewBlock(ExpressionSyntax expression, StatementSyntax statement, string indentation, string outerIndentation, SyntaxTrivia endOfLine)
    {
        var existing = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
            .WithLeadingTrivia(Whitespace(indentation))
            .WithTrailingTrivia(endOfLine);
        return SyntaxFactory.Block(
                SyntaxFactory.Token(Whitespace(outerIndentation), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(endOfLine)),
                SyntaxFactory.List(new[] { existing, statement }),
                SyntaxFactory.Token(Whitespace(outerIndentation), SyntaxKind.CloseBraceToken, default))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool EndsLine(SyntaxTriviaList trivia) => trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);

    private static SyntaxTriviaList IndentLines(SyntaxTriviaList trivia, string indentation, bool atLineStart)
    {
        var result = new List<SyntaxTrivia>();
        foreach (var item in trivia)
        {
            if (atLineStart && !item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                result.Add(SyntaxFactory.Whitespace(indentation));
            }

            result.Add(item);
            atLineStart = item.IsKind(SyntaxKind.EndOfLineTrivia);
        }

        if (atLineStart)
        {
            result.Add(SyntaxFactory.Whitespace(indentation));
        }

        return SyntaxFactory.TriviaList(result);
    }
}
