using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Readiness.Analyzers.CodeFixes.Common;

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

    internal const string MinimalConfigure = "options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RDY5002_RateLimiterNotApplied,
        RuleIds.RDY5003_RateLimiterNotRegistered);

    /// <summary>One insertion per missing half per document, however many diagnostics ask for it.</summary>
    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Id == RuleIds.RDY5002_RateLimiterNotApplied)
        {
            return await RateLimiterFixes.AddMiddlewareAsync(document, cancellationToken).ConfigureAwait(false) is { } withMiddleware
                ? ReadinessCodeFix.Create("Add app.UseRateLimiter()", RDY5002_AddUseRateLimiterEquivalenceKey, withMiddleware, oncePerDocument: diagnostic.Id)
                : null;
        }

        return await RateLimiterFixes.AddRegistrationAsync(document, MinimalConfigure, usesPartitions: false, cancellationToken).ConfigureAwait(false) is { } withRegistration
            ? ReadinessCodeFix.Create("Register the rate limiter with AddRateLimiter", RDY5003_AddRateLimiterEquivalenceKey, withRegistration, oncePerDocument: diagnostic.Id)
            : null;
    }
}
