using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5002: adds <c>app.UseRateLimiter()</c> after routing and authentication, before the first endpoint.
/// RDY5003: adds <c>builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests)</c>
/// before <c>builder.Build()</c> (or at the end of <c>ConfigureServices</c>). Offered only when that place is in the same document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingRateLimiterHalfCodeFixProvider))]
[Shared]
public sealed class AddMissingRateLimiterHalfCodeFixProvider : CodeFixProvider
{
    public const string RDY5002_AddUseRateLimiterEquivalenceKey = RuleIds.RDY5002_RateLimiterNotApplied + "_AddUseRateLimiter";
    public const string RDY5003_AddRateLimiterEquivalenceKey = RuleIds.RDY5003_RateLimiterNotRegistered + "_AddRateLimiter";

    internal const string MinimalConfigure = "options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RDY5002_RateLimiterNotApplied,
        RuleIds.RDY5003_RateLimiterNotRegistered);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(static async (context, document, diagnostics) =>
            await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var single = ImmutableArray.Create(diagnostic);
            if (await FixAsync(context.Document, single, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            var (title, key) = diagnostic.Id == RuleIds.RDY5002_RateLimiterNotApplied
                ? ("Add app.UseRateLimiter()", RDY5002_AddUseRateLimiterEquivalenceKey)
                : ("Register the rate limiter with AddRateLimiter", RDY5003_AddRateLimiterEquivalenceKey);
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => FixOrSameAsync(context.Document, single, cancellationToken), key),
                diagnostic);
        }
    }

    private static async Task<Document> FixOrSameAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        => await FixAsync(document, diagnostics, cancellationToken).ConfigureAwait(false) ?? document;

    /// <summary>One insertion per missing half per document, however many diagnostics ask for it.</summary>
    private static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        bool addMiddleware = false, addRegistration = false;
        foreach (var diagnostic in diagnostics)
        {
            addMiddleware |= diagnostic.Id == RuleIds.RDY5002_RateLimiterNotApplied;
            addRegistration |= diagnostic.Id == RuleIds.RDY5003_RateLimiterNotRegistered;
        }

        Document? result = document;
        if (addMiddleware)
        {
            result = await RateLimiterFixes.AddMiddlewareAsync(result, cancellationToken).ConfigureAwait(false);
        }

        if (addRegistration && result is not null)
        {
            result = await RateLimiterFixes.AddRegistrationAsync(result, MinimalConfigure, usesPartitions: false, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
