using System.Composition;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.RateLimiting;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// RDY5006: applies the app's existing authentication policy — the policy named <c>auth</c>, else the only one whose name
/// contains "auth" or "login" — with <c>[EnableRateLimiting("auth")]</c> on the action (replacing an action-level
/// <c>[DisableRateLimiting]</c>) or <c>.RequireRateLimiting("auth")</c> on the endpoint (replacing <c>.DisableRateLimiting()</c>).
/// When no authentication-like policy exists and the document holds the app's one <c>AddRateLimiter(options => …)</c>
/// lambda, it also defines a strict <c>auth</c> policy there (fixed window, 10 requests a minute). Not offered otherwise,
/// nor when the controller itself disables rate limiting.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApplyAuthPolicyCodeFixProvider))]
[Shared]
public sealed class ApplyAuthPolicyCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY5006_ApplyAuthPolicyEquivalenceKey = RuleIds.RDY5006_AuthEndpointWithoutRateLimit + "_ApplyAuthPolicy";

    private const string RateLimitingNamespace = "Microsoft.AspNetCore.RateLimiting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RDY5006_AuthEndpointWithoutRateLimit);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        => await FixAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is { } fixedDocument
            ? ReadinessCodeFix.Create("Apply the authentication rate limiting policy", RDY5006_ApplyAuthPolicyEquivalenceKey, fixedDocument)
            : null;

    private static async Task<Document?> FixAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var (fixedDocument, missingNamespace, needsDefinition) = await EditAsync(document, span, cancellationToken).ConfigureAwait(false);
        if (fixedDocument is null)
        {
            return null;
        }

        var usings = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (missingNamespace is not null)
        {
            usings.Add(missingNamespace);
        }

        if (needsDefinition)
        {
            fixedDocument = await DefineAuthPolicyAsync(fixedDocument, cancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                return null;
            }

            usings.Add(RateLimitingNamespace);
        }

        return await AddUsingsAsync(fixedDocument, usings.ToImmutable(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Defines a strict <c>auth</c> policy (fixed window, 10 requests a minute per limiter) inside the document's one
    /// <c>AddRateLimiter(options => …)</c> lambda; null when there is no such single lambda to extend.
    /// </summary>
    private static async Task<Document?> DefineAuthPolicyAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || FindPolicyHost(root) is not { } lambda)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var needsSystem = model is not null && model.LookupNamespacesAndTypes(lambda.SpanStart, name: "TimeSpan").IsEmpty;

        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        if (parameter is null)
        {
            return null;
        }

        // The document's own line endings; the formatter then indents.
        var endOfLine = EndOfLine.Of(root);
        var statement = SyntaxFactory.ParseStatement(
                parameter + ".AddFixedWindowLimiter(\"" + AuthPolicyName + "\", authLimiter => { authLimiter.PermitLimit = 10; authLimiter.Window = TimeSpan.FromMinutes(1); });")
            .WithTrailingTrivia(endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

        BlockSyntax body;
        if (lambda.Block is { } block)
        {
            body = block.AddStatements(statement);
        }
        else if (lambda.ExpressionBody is { } expression
            && expression is AssignmentExpressionSyntax or InvocationExpressionSyntax)
        {
            body = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(endOfLine).WithTrailingTrivia(endOfLine),
                    SyntaxFactory.List(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()).WithTrailingTrivia(endOfLine), statement }),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
        else
        {
            return null;
        }

        var updated = lambda.WithBlock(body).WithExpressionBody(null).WithAdditionalAnnotations(Formatter.Annotation);
        var newRoot = root.ReplaceNode(lambda, updated);
        if (needsSystem)
        {
            newRoot = Imports.Ensure(newRoot, "System");
        }

        var changed = document.WithSyntaxRoot(newRoot);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lambda of the document's single <c>AddRateLimiter(options => …)</c> call with one parameter.</summary>
    private static LambdaExpressionSyntax? FindPolicyHost(SyntaxNode root)
    {
        LambdaExpressionSyntax? found = null;
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddRateLimiter" }
                || invocation.ArgumentList.Arguments.Count != 1)
            {
                continue;
            }

            if (found is not null)
            {
                return null; // two registrations: not certain which one the app uses
            }

            found = invocation.ArgumentList.Arguments[0].Expression switch
            {
                SimpleLambdaExpressionSyntax simple => simple,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized,
                _ => null,
            };
            if (found is null)
            {
                return null;
            }
        }

        return found;
    }

    private static async Task<Document> AddUsingsAsync(Document document, ImmutableHashSet<string> namespaces, CancellationToken cancellationToken)
    {
        if (namespaces.IsEmpty || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        return document.WithSyntaxRoot(Imports.Ensure(root, namespaces));
    }

    /// <summary>
    /// The edit without usings, the namespace the edit needs imported (null when already in scope), and whether the
    /// <c>auth</c> policy it applies must still be defined (no authentication-like policy exists, and the document holds the
    /// app's one <c>AddRateLimiter(options => …)</c> lambda to define it in).
    /// </summary>
    private static async Task<(Document? Document, string? MissingNamespace, bool NeedsDefinition)> EditAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return (null, null, false);
        }

        var defined = RateLimiterFacts.For(model.Compilation, cancellationToken).DefinedPolicies;
        var policy = AuthPolicy(defined);
        var needsDefinition = false;
        if (policy is null)
        {
            if (HasAuthLikePolicy(defined) || FindPolicyHost(root) is null)
            {
                return (null, null, false);
            }

            policy = AuthPolicyName;
            needsDefinition = true;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(policy));
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        SyntaxNode? newRoot;
        string? requiredNamespace;
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method && method.Identifier.Span == span)
        {
            if (HasAttributeNamed(method.Parent as TypeDeclarationSyntax, "DisableRateLimiting"))
            {
                return (null, null, false);
            }

            newRoot = root.ReplaceNode(method, AddEnableAttribute(method, literal));
            requiredNamespace = RateLimitingNamespace;
        }
        else if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } map)
        {
            // Walk out over the conventions chained on the endpoint, replacing a DisableRateLimiting() or adding at the end.
            ExpressionSyntax outermost = map;
            InvocationExpressionSyntax? disable = null;
            while (outermost.Parent is MemberAccessExpressionSyntax access && access.Expression == outermost && access.Parent is InvocationExpressionSyntax outer)
            {
                if (access.Name.Identifier.ValueText == "DisableRateLimiting")
                {
                    disable = outer;
                }

                outermost = outer;
            }

            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(literal)));
            if (disable is not null)
            {
                var access = (MemberAccessExpressionSyntax)disable.Expression;
                var replaced = disable
                    .WithExpression(access.WithName(SyntaxFactory.IdentifierName("RequireRateLimiting").WithTriviaFrom(access.Name)))
                    .WithArgumentList(arguments);
                newRoot = root.ReplaceNode(disable, replaced);
            }
            else
            {
                var call = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, outermost.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("RequireRateLimiting")),
                        arguments)
                    .WithTrailingTrivia(outermost.GetTrailingTrivia());
                newRoot = root.ReplaceNode(outermost, call);
            }

            requiredNamespace = "Microsoft.AspNetCore.Builder";
        }
        else
        {
            return (null, null, false);
        }

        return (document.WithSyntaxRoot(newRoot), NamespaceImported(model, span.Start, requiredNamespace) ? null : requiredNamespace, needsDefinition);
    }

    private const string AuthPolicyName = "auth";

    private static bool HasAuthLikePolicy(ImmutableHashSet<string> defined)
    {
        foreach (var name in defined)
        {
            if (name.IndexOf("auth", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("login", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string? AuthPolicy(ImmutableHashSet<string> defined)
    {
        foreach (var name in defined)
        {
            if (string.Equals(name, "auth", StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        string? candidate = null;
        foreach (var name in defined)
        {
            if (name.IndexOf("auth", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("login", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                if (candidate is not null)
                {
                    return null; // two candidates: not certain which one
                }

                candidate = name;
            }
        }

        return candidate;
    }

    private static MethodDeclarationSyntax AddEnableAttribute(MethodDeclarationSyntax method, LiteralExpressionSyntax literal)
    {
        // Drop an action-level [DisableRateLimiting].
        var lists = method.AttributeLists;
        for (var i = lists.Count - 1; i >= 0; i--)
        {
            var list = lists[i];
            foreach (var attribute in list.Attributes)
            {
                if (IsNamed(attribute, "DisableRateLimiting"))
                {
                    lists = list.Attributes.Count == 1
                        ? lists.RemoveAt(i)
                        : lists.Replace(list, list.WithAttributes(list.Attributes.Remove(attribute)));
                    break;
                }
            }
        }

        var enable = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(
                    SyntaxFactory.IdentifierName("EnableRateLimiting"),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(literal))))))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var leading = method.GetLeadingTrivia();
        var stripped = method.WithAttributeLists(lists).WithoutLeadingTrivia();
        return stripped.WithAttributeLists(stripped.AttributeLists.Add(enable)).WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool HasAttributeNamed(TypeDeclarationSyntax? type, string name)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var list in type.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (IsNamed(attribute, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsNamed(AttributeSyntax attribute, string name)
    {
        var text = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : attribute.Name.ToString();
        return text == name || text == name + "Attribute";
    }

    private static bool NamespaceImported(SemanticModel model, int position, string namespaceName)
    {
        var type = namespaceName == RateLimitingNamespace
            ? "Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute"
            : "Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions";
        var simpleName = namespaceName == RateLimitingNamespace ? "EnableRateLimitingAttribute" : "RateLimiterEndpointConventionBuilderExtensions";
        return InScope.Type(model, position, simpleName, type);
    }
}
