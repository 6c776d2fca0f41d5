using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Readiness.Analyzers.CodeFixes.Common;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>The edits the rate limiting fixes share: add the middleware, add the registration, with the usings they need.</summary>
internal static class RateLimiterFixes
{
    public const string BuilderNamespace = "Microsoft.AspNetCore.Builder";
    public const string HttpNamespace = "Microsoft.AspNetCore.Http";
    public const string RateLimitingNamespace = "System.Threading.RateLimiting";

    /// <summary>Adds <c>app.UseRateLimiter();</c> after routing and authentication, before the first endpoint; null when no place is certain.</summary>
    public static async Task<Document?> AddMiddlewareAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var insertion = RateLimiterPipelineEditor.FindMiddlewareInsertion(root, model, cancellationToken);
        if (insertion is null)
        {
            return null;
        }

        var appType = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        var needsUsing = !RateLimiterPipelineEditor.ExtensionInScope(model, insertion.Anchor.SpanStart, appType, "UseRateLimiter");
        var newRoot = RateLimiterPipelineEditor.Insert(root, insertion, insertion.Receiver + ".UseRateLimiter();");
        if (needsUsing)
        {
            newRoot = Imports.Ensure(newRoot, BuilderNamespace);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>
    /// Adds <c>services.AddRateLimiter(…)</c> where services are registered; <paramref name="configure"/> is the text of the
    /// configure lambda (lines joined with <c>\n</c>, indented relative to the statement). Null when no place is certain.
    /// </summary>
    public static async Task<Document?> AddRegistrationAsync(Document document, string configure, bool usesPartitions, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var insertion = RateLimiterPipelineEditor.FindServicesInsertion(root, model, cancellationToken);
        if (insertion is null)
        {
            return null;
        }

        var position = insertion.ExpressionBody?.SpanStart ?? insertion.Anchor.SpanStart;
        var usings = new List<string>();
        var services = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        if (!RateLimiterPipelineEditor.ExtensionInScope(model, position, services, "AddRateLimiter"))
        {
            usings.Add(BuilderNamespace);
        }

        if (!RateLimiterPipelineEditor.TypeInScope(model, position, "StatusCodes", HttpNamespace + ".StatusCodes"))
        {
            usings.Add(HttpNamespace);
        }

        if (usesPartitions)
        {
            if (!RateLimiterPipelineEditor.TypeInScope(model, position, "PartitionedRateLimiter", RateLimitingNamespace + ".PartitionedRateLimiter"))
            {
                usings.Add(RateLimitingNamespace);
            }

            if (!RateLimiterPipelineEditor.TypeInScope(model, position, "TimeSpan", "System.TimeSpan"))
            {
                usings.Add("System");
            }
        }

        var indentation = insertion.ExpressionBody is null ? IndentationOf(insertion.Anchor) : string.Empty;
        var text = insertion.Receiver + ".AddRateLimiter(" + configure.Replace("\n", "\n" + indentation) + ");";
        var newRoot = RateLimiterPipelineEditor.Insert(root, insertion, text);
        return document.WithSyntaxRoot(Imports.Ensure(newRoot, usings));
    }

    private static string IndentationOf(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].ToString().Trim().Length == 0 && !leading[leading.Count - 1].ToString().Contains("\n")
            ? leading[leading.Count - 1].ToString()
            : string.Empty;
    }
}
