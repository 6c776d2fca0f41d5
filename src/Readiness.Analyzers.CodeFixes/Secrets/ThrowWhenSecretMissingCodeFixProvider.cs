using System.Composition;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Readiness.Analyzers.Secrets;

namespace Readiness.Analyzers.CodeFixes.Secrets;

/// <summary>
/// RDY1004: replaces a hardcoded fallback with a fail-fast throw —
/// <c>config["Jwt:Key"] ?? "…"</c> → <c>config["Jwt:Key"] ?? throw new InvalidOperationException("…")</c>, and
/// <c>GetValue&lt;string&gt;("ApiKey", "…")</c> → <c>GetValue&lt;string&gt;("ApiKey") ?? throw …</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThrowWhenSecretMissingCodeFixProvider))]
[Shared]
public sealed class ThrowWhenSecretMissingCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY1004_EquivalenceKey = RuleIds.RDY1004_HardcodedSecretFallback + "_ThrowWhenMissing";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.RDY1004_HardcodedSecretFallback);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && Plan(root, diagnostic) is { } plan
            ? ReadinessCodeFix.Create("Throw when the setting is missing", RDY1004_EquivalenceKey, (fixing, token) => ApplyAsync(fixing, plan.Old, plan.New, token))
            : null;
    }

    private static async Task<Document> ApplyAsync(Document document, SyntaxNode old, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(old, replacement));
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static (SyntaxNode Old, SyntaxNode New)? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(HardcodedSecretFallbackAnalyzer.KeyProperty, out var key) || key is null
            || !diagnostic.Properties.TryGetValue(HardcodedSecretFallbackAnalyzer.ShapeProperty, out var shape))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var literal = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == diagnostic.Location.SourceSpan);
        if (literal is null)
        {
            return null;
        }

        var throwExpression = SecretFixSyntax.ThrowNotConfigured("'" + key + "' is not configured.")
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        if (shape == "coalesce" && literal.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce && coalesce.Right == literal)
        {
            return (literal, throwExpression.WithTriviaFrom(literal));
        }

        if (shape == "getvalue"
            && literal.Parent is ArgumentSyntax argument
            && argument.Parent is ArgumentListSyntax arguments
            && arguments.Parent is InvocationExpressionSyntax invocation)
        {
            var newInvocation = invocation.WithArgumentList(arguments.WithArguments(arguments.Arguments.Remove(argument)));
            newInvocation = newInvocation.WithExpression(MakeGeneric(newInvocation.Expression));
            ExpressionSyntax replacement = SyntaxFactory.BinaryExpression(
                SyntaxKind.CoalesceExpression,
                newInvocation.WithoutTrivia(),
                throwExpression);
            if (SecretFixSyntax.NeedsParentheses(invocation))
            {
                replacement = SyntaxFactory.ParenthesizedExpression(replacement);
            }

            return (invocation, replacement.WithTriviaFrom(invocation).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return null;
    }

    /// <summary><c>GetValue</c> without its default argument cannot infer its type: make it <c>GetValue&lt;string&gt;</c>.</summary>
    private static ExpressionSyntax MakeGeneric(ExpressionSyntax expression)
    {
        var generic = SyntaxFactory.GenericName(SyntaxFactory.Identifier("GetValue"))
            .WithTypeArgumentList(SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList<TypeSyntax>(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)))));
        return expression switch
        {
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member => member.WithName(generic.WithTriviaFrom(name)),
            IdentifierNameSyntax name => generic.WithTriviaFrom(name),
            _ => expression,
        };
    }
}
