using System.Composition;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Health;

namespace Readiness.Analyzers.CodeFixes.Health;

/// <summary>
/// RDY3005 for a DbContext: appends <c>.AddDbContextCheck&lt;TContext&gt;()</c> to the <c>AddHealthChecks()</c> chain of the
/// same document, when <c>Microsoft.Extensions.Diagnostics.HealthChecks.EntityFrameworkCore</c> is referenced. Redis and
/// PostgreSQL data sources get no fix: their checks need connection settings only the app knows.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDbContextCheckCodeFixProvider))]
[Shared]
public sealed class AddDbContextCheckCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY3005_AddDbContextCheckEquivalenceKey = RuleIds.RDY3005_DependencyWithoutHealthCheck + "_AddDbContextCheck";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.RDY3005_DependencyWithoutHealthCheck);

    /// <summary>One check per context: Fix All over two registrations of one context appends it once.</summary>
    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, cancellationToken) is not { } plan)
        {
            return null;
        }

        var name = plan.Context.ToMinimalDisplayString(model, plan.Chain.SpanStart);
        return ReadinessCodeFix.Create(
            "Add AddDbContextCheck<" + plan.Context.Name + ">() to the health checks",
            RDY3005_AddDbContextCheckEquivalenceKey,
            (fixing, _) => Task.FromResult(fixing.WithSyntaxRoot(root.ReplaceNode(plan.Chain, Append(plan.Chain, name)))),
            oncePerDocument: plan.Context.ToDisplayString());
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

    /// <summary><c>chain.AddDbContextCheck&lt;TContext&gt;()</c>, its dot placed as the chain's last one is.</summary>
    private static SyntaxNode Append(InvocationExpressionSyntax chain, string context)
    {
        var name = SyntaxFactory.GenericName(
            SyntaxFactory.Identifier("AddDbContextCheck"),
            SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.ParseTypeName(context))));
        var access = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, chain.WithoutTrailingTrivia(), name)
            .WithOperatorToken(SyntaxFactory.Token(LastDotLeadingTrivia(chain), SyntaxKind.DotToken, SyntaxFactory.TriviaList()));
        return SyntaxFactory.InvocationExpression(access, SyntaxFactory.ArgumentList())
            .WithTrailingTrivia(chain.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
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

            // A dot appended by this fix carries its line break itself (Fix All appends the next check after it).
            if (member.OperatorToken.LeadingTrivia.Any(SyntaxKind.EndOfLineTrivia))
            {
                return member.OperatorToken.LeadingTrivia;
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
        var builderType = WellKnownTypeProvider.For(compilation).Get("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder");
        if (builderType is null
            || WellKnownTypeProvider.For(compilation).Get("Microsoft.Extensions.DependencyInjection.EntityFrameworkCoreHealthChecksBuilderExtensions") is null)
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
