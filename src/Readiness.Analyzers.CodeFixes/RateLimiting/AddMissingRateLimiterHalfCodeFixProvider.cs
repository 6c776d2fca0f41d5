using System.Composition;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5002: adds <c>app.UseRateLimiter()</c> after routing and authentication, before the first endpoint.
/// RDY5003: adds <c>builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests)</c>
/// before <c>builder.Build()</c> (or at the end of <c>ConfigureServices</c>). Offered only when that place is in the same document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingRateLimiterHalfCodeFixProvider))]
[Shared]
public sealed class AddMissingRateLimiterHalfCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY5002_AddUseRateLimiterEquivalenceKey = RuleIds.RDY5002_RateLimiterNotApplied + "_AddUseRateLimiter";
    public const string RDY5003_AddRateLimiterEquivalenceKey = RuleIds.RDY5003_RateLimiterNotRegistered + "_AddRateLimiter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RDY5002_RateLimiterNotApplied,
        RuleIds.RDY5003_RateLimiterNotRegistered);

    /// <summary>One insertion per missing half per document, however many diagnostics ask for it.</summary>
    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var editor = await StartupEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor is null)
        {
            return null;
        }

        if (diagnostic.Id == RuleIds.RDY5002_RateLimiterNotApplied)
        {
            return editor.AddMiddleware(Middleware.RateLimiting, RateLimiterFixes.UseRateLimiter())
                ? ReadinessCodeFix.Create("Add app.UseRateLimiter()", RDY5002_AddUseRateLimiterEquivalenceKey, await editor.ApplyAsync().ConfigureAwait(false), oncePerDocument: diagnostic.Id)
                : null;
        }

        return editor.AddServiceRegistration(RateLimiterFixes.AddRateLimiter(RejectWith429(), usesPartitions: false))
            ? ReadinessCodeFix.Create("Register the rate limiter with AddRateLimiter", RDY5003_AddRateLimiterEquivalenceKey, await editor.ApplyAsync().ConfigureAwait(false), oncePerDocument: diagnostic.Id)
            : null;
    }

    /// <summary><c>options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests</c>, built.</summary>
    private static ExpressionSyntax RejectWith429()
        => SyntaxFactory.SimpleLambdaExpression(
            SyntaxFactory.Parameter(SyntaxFactory.Identifier("options")),
            SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("options"), SyntaxFactory.IdentifierName("RejectionStatusCode")),
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("StatusCodes"), SyntaxFactory.IdentifierName("Status429TooManyRequests"))));
}
