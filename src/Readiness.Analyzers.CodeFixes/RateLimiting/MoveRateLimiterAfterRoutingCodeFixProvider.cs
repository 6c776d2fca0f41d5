using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5004: moves a stand-alone <c>app.UseRateLimiter();</c> statement to after <c>UseRouting()</c> (and after
/// <c>UseCors</c>/<c>UseAuthentication</c>/<c>UseAuthorization</c> when they follow), before the first endpoint. Offered only
/// for a plain statement without comments or directives around it, and only when the new place follows a routing or
/// authentication call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveRateLimiterAfterRoutingCodeFixProvider))]
[Shared]
public sealed class MoveRateLimiterAfterRoutingCodeFixProvider : CodeFixProvider
{
    public const string RDY5004_MoveAfterRoutingEquivalenceKey = RuleIds.RDY5004_RateLimiterBeforeRouting + "_MoveAfterRouting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RDY5004_RateLimiterBeforeRouting);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(static async (context, document, diagnostics) =>
            diagnostics.IsEmpty ? null : await FixAsync(document, diagnostics[0], context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await FixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Move UseRateLimiter() after UseRouting()",
                    async cancellationToken => await FixAsync(context.Document, diagnostic, cancellationToken).ConfigureAwait(false) ?? context.Document,
                    RDY5004_MoveAfterRoutingEquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not
            {
                Expression: InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseRateLimiter", Expression: IdentifierNameSyntax },
                    ArgumentList.Arguments.Count: 0,
                },
            } statement)
        {
            return null;
        }

        SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
        foreach (var trivia in removed.GetLeadingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return null;
            }
        }

        var newRoot = root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia);
        if (newRoot is null)
        {
            return null;
        }

        var without = document.WithSyntaxRoot(newRoot);
        var model = await without.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var currentRoot = await without.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || currentRoot is null)
        {
            return null;
        }

        var insertion = RateLimiterPipelineEditor.FindMiddlewareInsertion(currentRoot, model, cancellationToken);
        if (insertion is null || !insertion.After)
        {
            return null;
        }

        return without.WithSyntaxRoot(RateLimiterPipelineEditor.Insert(currentRoot, insertion, insertion.Receiver + ".UseRateLimiter();"));
    }
}
