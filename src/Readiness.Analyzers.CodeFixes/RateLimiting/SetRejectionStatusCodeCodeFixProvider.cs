using System.Composition;
using Microsoft.CodeAnalysis.Formatting;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5007: sets <c>options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;</c> as the first statement of the
/// <c>AddRateLimiter</c> lambda (an expression body becomes a block), adding <c>using Microsoft.AspNetCore.Http;</c> when needed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetRejectionStatusCodeCodeFixProvider))]
[Shared]
public sealed class SetRejectionStatusCodeCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY5007_Use429EquivalenceKey = RuleIds.RDY5007_RateLimiterRejectsWith503 + "_Use429";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RDY5007_RateLimiterRejectsWith503);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && FindLambda(root, diagnostic) is { } lambda
            ? ReadinessCodeFix.Create(
                "Reject with 429 Too Many Requests",
                RDY5007_Use429EquivalenceKey,
                (fixing, token) => FixAsync(fixing, lambda, token))
            : null;
    }

    private static LambdaExpressionSyntax? FindLambda(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null)
        {
            return null;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 })
            {
                return (LambdaExpressionSyntax)argument.Expression;
            }
        }

        return null;
    }

    private static async Task<Document> FixAsync(Document document, LambdaExpressionSyntax lambda, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var needsUsing = !InScope.Type(model, lambda.SpanStart, "StatusCodes", RateLimiterFixes.HttpNamespace + ".StatusCodes");
        var newRoot = root.ReplaceNode(lambda, Rewrite(lambda, EndOfLine.Of(root)));
        if (needsUsing)
        {
            newRoot = Imports.Ensure(newRoot, RateLimiterFixes.HttpNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static SyntaxNode Rewrite(LambdaExpressionSyntax lambda, SyntaxTrivia endOfLine)
    {
        var parameter = lambda is SimpleLambdaExpressionSyntax simple
            ? simple.Parameter.Identifier.ValueText
            : ((ParenthesizedLambdaExpressionSyntax)lambda).ParameterList.Parameters[0].Identifier.ValueText;
        var assignment = SyntaxFactory.ParseStatement(parameter + ".RejectionStatusCode = StatusCodes.Status429TooManyRequests;")
            .WithTrailingTrivia(endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

        if (lambda.Body is BlockSyntax block)
        {
            if (block.Statements.Count > 0)
            {
                assignment = assignment.WithLeadingTrivia(block.Statements[0].GetLeadingTrivia());
            }

            return lambda.WithBody(block.WithStatements(block.Statements.Insert(0, assignment)));
        }

        var expression = (ExpressionSyntax)lambda.Body;
        var existing = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        var newBlock = SyntaxFactory.Block(assignment, existing)
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine))
            .WithTrailingTrivia(expression.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var arrow = lambda.ArrowToken.WithTrailingTrivia(endOfLine);
        return lambda.WithArrowToken(arrow).WithBody(newBlock).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
