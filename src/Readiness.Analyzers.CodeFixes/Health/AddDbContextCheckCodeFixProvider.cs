using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.Health;

namespace Readiness.Analyzers.CodeFixes.Health;

/// <summary>
/// RDY3005 for a DbContext: appends <c>.AddDbContextCheck&lt;TContext&gt;()</c> to the <c>AddHealthChecks()</c> chain of the
/// same document, when <c>Microsoft.Extensions.Diagnostics.HealthChecks.EntityFrameworkCore</c> is referenced. Redis and
/// PostgreSQL data sources get no fix: their checks need connection settings only the app knows.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDbContextCheckCodeFixProvider))]
[Shared]
public sealed class AddDbContextCheckCodeFixProvider : CodeFixProvider
{
    public const string RDY3005_AddDbContextCheckEquivalenceKey = RuleIds.RDY3005_DependencyWithoutHealthCheck + "_AddDbContextCheck";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.RDY3005_DependencyWithoutHealthCheck);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(static async (context, document, diagnostics) =>
            (Document?)await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add AddDbContextCheck<" + plan.Context.Name + ">() to the health checks",
                    cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    RDY3005_AddDbContextCheckEquivalenceKey),
                diagnostic);
        }
    }

    private readonly struct FixPlan
    {
        public FixPlan(InvocationExpressionSyntax chain, ITypeSymbol context)
        {
            Chain = chain;
            Context = context;
        }

        /// <summary>The outermost call of the <c>AddHealthChecks()…</c> chain.</summary>
        public InvocationExpressionSyntax Chain { get; }

        public ITypeSymbol Context { get; }
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var additions = new Dictionary<InvocationExpressionSyntax, List<ITypeSymbol>>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Plan(root, model, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            if (!additions.TryGetValue(plan.Chain, out var contexts))
            {
                additions[plan.Chain] = contexts = new List<ITypeSymbol>();
            }

            if (!contexts.Contains(plan.Context, SymbolEqualityComparer.Default))
            {
                contexts.Add(plan.Context);
            }
        }

        if (additions.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(additions.Keys, (original, rewritten) =>
        {
            ExpressionSyntax chain = ((InvocationExpressionSyntax)rewritten).WithoutTrailingTrivia();
            var dotTrivia = LastDotLeadingTrivia(original);
            foreach (var context in additions[original])
            {
                var name = SyntaxFactory.GenericName(
                    SyntaxFactory.Identifier("AddDbContextCheck"),
                    SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.ParseTypeName(context.ToMinimalDisplayString(model, original.SpanStart)))));
                var access = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, chain, name)
                    .WithOperatorToken(SyntaxFactory.Token(dotTrivia, SyntaxKind.DotToken, SyntaxFactory.TriviaList()));
                chain = SyntaxFactory.InvocationExpression(access, SyntaxFactory.ArgumentList());
            }

            return chain.WithTrailingTrivia(rewritten.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
        });

        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>A chain written one call per line keeps that layout: the new call starts on its own line, indented alike.</summary>
    private static SyntaxTriviaList LastDotLeadingTrivia(InvocationExpressionSyntax chain)
    {
        if (chain.Expression is MemberAccessExpressionSyntax member)
        {
            foreach (var trivia in member.OperatorToken.GetPreviousToken().TrailingTrivia)
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return SyntaxFactory.TriviaList(trivia).AddRange(member.OperatorToken.LeadingTrivia);
                }
            }
        }

        return SyntaxFactory.TriviaList();
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(UncheckedDependencyAnalyzer.ContextTypeProperty))
        {
            return null;
        }

        var compilation = model.Compilation;
        var builderType = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder");
        if (builderType is null
            || compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.EntityFrameworkCoreHealthChecksBuilderExtensions") is null)
        {
            return null;
        }

        // The diagnostic spans AddDbContext<T>(…): its invocation carries the context type.
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var registration = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (registration is null
            || model.GetSymbolInfo(registration, cancellationToken).Symbol is not IMethodSymbol { TypeArguments.Length: > 0 } method
            || method.TypeArguments[0] is not INamedTypeSymbol context
            || context.DeclaredAccessibility == Accessibility.Private)
        {
            return null;
        }

        // The document's AddHealthChecks() chain, climbed to its outermost call that still returns IHealthChecksBuilder.
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddHealthChecks" })
            {
                continue;
            }

            var top = invocation;
            while (top.Parent is MemberAccessExpressionSyntax access && access.Expression == top && access.Parent is InvocationExpressionSyntax outer)
            {
                top = outer;
            }

            if (SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(top, cancellationToken).Type, builderType))
            {
                return new FixPlan(top, context);
            }
        }

        return null;
    }
}
