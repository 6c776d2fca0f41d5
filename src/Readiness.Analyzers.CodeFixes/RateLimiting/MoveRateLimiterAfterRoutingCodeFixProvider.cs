using System.Composition;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5004: moves a stand-alone <c>app.UseRateLimiter();</c> statement to after <c>UseRouting()</c> (and after
/// <c>UseCors</c>/<c>UseAuthentication</c>/<c>UseAuthorization</c> when they follow), before the first endpoint of the same
/// body. Offered only for a plain statement without comments or directives around it, and only when the new place follows
/// a routing or authentication call.
/// <para>
/// A document can hold several RDY5004s — one per <c>UseRateLimiter()</c> that runs before routing: two such calls in one
/// body, or a <c>Startup.Configure</c> beside minimal-hosting top-level statements. Each moves within its own body, so Fix
/// All moves every one of them.
/// </para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveRateLimiterAfterRoutingCodeFixProvider))]
[Shared]
public sealed class MoveRateLimiterAfterRoutingCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY5004_MoveAfterRoutingEquivalenceKey = RuleIds.RDY5004_RateLimiterBeforeRouting + "_MoveAfterRouting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RDY5004_RateLimiterBeforeRouting);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        => await MoveAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } moved
            ? ReadinessCodeFix.Create("Move UseRateLimiter() after UseRouting()", RDY5004_MoveAfterRoutingEquivalenceKey, moved)
            : null;

    private static async Task<Document?> MoveAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var editor = await StartupEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var node = editor?.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (editor is null || node?.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not
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

        // The place is found in the statement's own body (the first endpoint of the document may belong to another one),
        // and taken only after routing or a middleware that follows it.
        var place = editor.FindMiddlewarePlace(Middleware.RateLimiting, MiddlewarePlace.BodyOf(statement), excluded: statement);
        if (place is null || !place.After || MiddlewareOrder.RankOf(place.AnchorMiddleware) < MiddlewareOrder.RankOf(Middleware.Routing))
        {
            return null;
        }

        editor.MoveMiddleware(statement, place);
        return await editor.ApplyAsync().ConfigureAwait(false);
    }
}
