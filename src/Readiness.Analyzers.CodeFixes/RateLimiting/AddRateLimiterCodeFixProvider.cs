using System.Composition;
using System.Globalization;
using Readiness.Analyzers.Options;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5001: registers the built-in limiter with a global fixed-window limiter partitioned by authenticated user, else remote
/// IP address (limits from <c>readiness.ratelimiting.fix_permit_limit</c>/<c>fix_window_seconds</c>), rejecting with 429,
/// and adds <c>app.UseRateLimiter()</c> after routing and authentication, before the first endpoint. Offered only when both
/// places are in the flagged document (minimal-hosting <c>Program.cs</c>, or a <c>Startup</c> class with both methods).
/// The limiter is the app's, so Fix All adds it once per document however many start-up anchors are flagged there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRateLimiterCodeFixProvider))]
[Shared]
public sealed class AddRateLimiterCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY5001_AddGlobalRateLimiterEquivalenceKey = RuleIds.RDY5001_NoRateLimiting + "_AddGlobalRateLimiter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RDY5001_NoRateLimiting);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        => await FixAsync(document, cancellationToken).ConfigureAwait(false) is { } fixedDocument
            ? ReadinessCodeFix.Create(
                "Add a global rate limiter (per user or IP address, 429 on rejection)",
                RDY5001_AddGlobalRateLimiterEquivalenceKey,
                fixedDocument,
                oncePerDocument: RDY5001_AddGlobalRateLimiterEquivalenceKey)
            : null;

    /// <summary>Both edits or none: a registration without its middleware would only trade this warning for RDY5002.</summary>
    private static async Task<Document?> FixAsync(Document document, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return null;
        }

        var options = document.Project.AnalyzerOptions;
        var permits = options.Get(ReadinessOptions.RateLimitingFixPermitLimit, tree);
        var seconds = options.Get(ReadinessOptions.RateLimitingFixWindowSeconds, tree);
        if (permits <= 0)
        {
            permits = ReadinessOptions.RateLimitingFixPermitLimit.Default;
        }

        if (seconds <= 0)
        {
            seconds = ReadinessOptions.RateLimitingFixWindowSeconds.Default;
        }

        var window = seconds % 60 == 0
            ? "TimeSpan.FromMinutes(" + (seconds / 60).ToString(CultureInfo.InvariantCulture) + ")"
            : "TimeSpan.FromSeconds(" + seconds.ToString(CultureInfo.InvariantCulture) + ")";
        var configure =
            "options =>\n" +
            "{\n" +
            "    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;\n" +
            "    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>\n" +
            "        RateLimitPartition.GetFixedWindowLimiter(\n" +
            "            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? \"unknown\",\n" +
            "            _ => new FixedWindowRateLimiterOptions { PermitLimit = " + permits.ToString(CultureInfo.InvariantCulture) + ", Window = " + window + " }));\n" +
            "}";

        // Parsed from a template: the lambda is the text users read, and built node by node it would not be.
        var registration = RateLimiterFixes.AddRateLimiter(SyntaxFactory.ParseExpression(configure), usesPartitions: true);
        var editor = await StartupEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        return editor is not null
            && editor.AddMiddleware(Middleware.RateLimiting, RateLimiterFixes.UseRateLimiter())
            && editor.AddServiceRegistration(registration)
                ? await editor.ApplyAsync().ConfigureAwait(false)
                : null;
    }
}
