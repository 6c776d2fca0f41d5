using System.Composition;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Secrets;

namespace Readiness.Analyzers.CodeFixes.Secrets;

/// <summary>
/// RDY1002: replaces a hardcoded secret with a read from configuration — <c>configuration["Section:Name"] ?? throw …</c>
/// when an <c>IConfiguration</c> (or <c>builder.Configuration</c>) is in scope, otherwise
/// <c>Environment.GetEnvironmentVariable("NAME") ?? throw …</c>. A <c>const</c> field becomes <c>static readonly</c> and a
/// <c>const</c> local a plain local, unless the constant is used where only a constant may stand. No fix in attribute
/// arguments, parameter defaults, comparisons or keyed pairs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadSecretFromConfigurationCodeFixProvider))]
[Shared]
public sealed class ReadSecretFromConfigurationCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY1002_EquivalenceKey = RuleIds.RDY1002_SecretNamedSymbolAssignedLiteral + "_ReadFromConfiguration";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.RDY1002_SecretNamedSymbolAssignedLiteral);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        => await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan
            ? ReadinessCodeFix.Create(plan.Title, RDY1002_EquivalenceKey, (fixing, token) => ApplyAsync(fixing, plan, token))
            : null;

    private sealed class Plan
    {
        public Plan(ExpressionSyntax literal, ExpressionSyntax replacement, SyntaxNode? constDeclaration, string title)
        {
            Literal = literal;
            Replacement = replacement;
            ConstDeclaration = constDeclaration;
            Title = title;
        }

        public ExpressionSyntax Literal { get; }
        public ExpressionSyntax Replacement { get; }

        /// <summary>The <c>const</c> field or local declaration that must lose its <c>const</c>.</summary>
        public SyntaxNode? ConstDeclaration { get; }
        public string Title { get; }
    }

    private static async Task<Document> ApplyAsync(Document document, Plan plan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var nodes = plan.ConstDeclaration is null ? new SyntaxNode[] { plan.Literal } : new[] { plan.Literal, plan.ConstDeclaration };
        var newRoot = root.ReplaceNodes(nodes, (original, rewritten) => original == plan.Literal
            ? plan.Replacement.WithTriviaFrom(original)
            : RemoveConst(rewritten));

        var changed = document.WithSyntaxRoot(newRoot);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode RemoveConst(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case FieldDeclarationSyntax field:
            {
                var constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                var index = field.Modifiers.IndexOf(constToken);
                var modifiers = field.Modifiers.RemoveAt(index)
                    .Insert(index, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                    .Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space));
                return field.WithModifiers(modifiers);
            }

            case LocalDeclarationStatementSyntax local:
            {
                var constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                var declaration2 = local.Declaration.WithLeadingTrivia(constToken.LeadingTrivia);
                return local.WithModifiers(local.Modifiers.Remove(constToken)).WithDeclaration(declaration2);
            }

            default:
                return declaration;
        }
    }

    private static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SecretNamedSymbolAnalyzer.FixableProperty, out var fixable) || fixable != "true"
            || !diagnostic.Properties.TryGetValue(SecretNamedSymbolAnalyzer.NameProperty, out var name) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var literal = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == diagnostic.Location.SourceSpan);
        if (literal is null || literal.Ancestors().Any(a => a is AttributeArgumentSyntax))
        {
            return null;
        }

        if (model.GetTypeInfo(literal, cancellationToken).ConvertedType?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        // A const declaration loses its const, but only when no use of the constant needs a constant.
        SyntaxNode? constDeclaration = null;
        var staticContext = IsStaticContext(literal, model, cancellationToken);
        if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            var declarationStatement = declarator.Parent?.Parent;
            if (declarationStatement is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                constDeclaration = field;
                staticContext = true;
            }
            else if (declarationStatement is LocalDeclarationStatementSyntax local && local.IsConst)
            {
                constDeclaration = local;
            }

            if (constDeclaration is not null)
            {
                if (declarator.Parent is VariableDeclarationSyntax { Variables.Count: > 1 })
                {
                    return null;
                }

                var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol is null || await IsUsedAsConstantAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }
        else if (SecretFixSyntax.IsInConstantContext(literal))
        {
            return null;
        }

        var containingType = model.GetEnclosingSymbol(literal.SpanStart, cancellationToken)?.ContainingType
            ?? model.GetEnclosingSymbol(literal.SpanStart, cancellationToken) as INamedTypeSymbol;
        var section = SecretFixSyntax.SectionOf(containingType);
        var words = SecretFixSyntax.MemberWords(name!);
        if (words.Count == 0)
        {
            return null;
        }

        var configuration = FindConfiguration(model, literal, staticContext, cancellationToken);
        ExpressionSyntax read;
        string title;
        if (configuration is not null)
        {
            var key = SecretFixSyntax.ConfigurationKey(section, words);
            read = SyntaxFactory.ElementAccessExpression(
                SyntaxFactory.ParseExpression(configuration),
                SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key))))));
            read = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, SecretFixSyntax.ThrowNotConfigured("Configuration value '" + key + "' is missing."));
            title = "Read from configuration[\"" + key + "\"]";
        }
        else
        {
            var variable = SecretFixSyntax.EnvironmentVariable(section, words);
            read = SyntaxFactory.BinaryExpression(
                SyntaxKind.CoalesceExpression,
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.ParseExpression("global::System.Environment").WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable)))))),
                SecretFixSyntax.ThrowNotConfigured("Environment variable '" + variable + "' is not set."));
            title = "Read from environment variable " + variable;
        }

        if (SecretFixSyntax.NeedsParentheses(literal))
        {
            read = SyntaxFactory.ParenthesizedExpression(read);
        }

        read = read.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return new Plan(literal, read, constDeclaration, title);
    }

    /// <summary>Static members, static and instance field initializers cannot reach instance members.</summary>
    private static bool IsStaticContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case FieldDeclarationSyntax:
                    return true;
                case PropertyDeclarationSyntax property when property.Initializer is not null && property.Initializer.Span.Contains(node.Span):
                    return true;
                case BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
                    return symbol?.IsStatic == true;
                case GlobalStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The text of an <c>IConfiguration</c> in scope: a local, parameter, field or property, or <c>builder.Configuration</c>.</summary>
    private static string? FindConfiguration(SemanticModel model, SyntaxNode at, bool staticContext, CancellationToken cancellationToken)
    {
        var configurationType = WellKnownTypeProvider.For(model.Compilation).Get("Microsoft.Extensions.Configuration.IConfiguration");
        if (configurationType is null)
        {
            return null;
        }

        string? viaBuilder = null;
        foreach (var symbol in model.LookupSymbols(at.SpanStart))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ITypeSymbol? type;
            switch (symbol)
            {
                case ILocalSymbol local:
                    if (local.DeclaringSyntaxReferences.Length == 0 || local.DeclaringSyntaxReferences[0].Span.End > at.SpanStart)
                    {
                        continue;
                    }

                    type = local.Type;
                    break;
                case IParameterSymbol parameter:
                    type = parameter.Type;
                    break;
                case IFieldSymbol field when !staticContext || field.IsStatic:
                    type = field.Type;
                    break;
                case IPropertySymbol property when (!staticContext || property.IsStatic) && !property.IsIndexer && property.GetMethod is not null:
                    type = property.Type;
                    break;
                default:
                    continue;
            }

            if (type is null)
            {
                continue;
            }

            if (IsConfiguration(type, configurationType))
            {
                return symbol.Name;
            }

            // builder.Configuration / app.Configuration
            if (symbol is ILocalSymbol or IParameterSymbol && viaBuilder is null)
            {
                foreach (var member in type.GetMembers("Configuration"))
                {
                    if (member is IPropertySymbol { IsStatic: false } configurationProperty && IsConfiguration(configurationProperty.Type, configurationType))
                    {
                        viaBuilder = symbol.Name + ".Configuration";
                    }
                }
            }
        }

        return viaBuilder;
    }

    private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configurationType)
        => SymbolEqualityComparer.Default.Equals(type, configurationType)
            || type.AllInterfaces.Contains(configurationType, SymbolEqualityComparer.Default);

    private static async Task<bool> IsUsedAsConstantAsync(ISymbol symbol, Solution solution, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is not null && SecretFixSyntax.IsInConstantContext(node))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
