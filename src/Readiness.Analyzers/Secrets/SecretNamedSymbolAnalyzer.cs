namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1002: a symbol whose name says it holds a password, secret, key or token is given a string literal — field and
/// property initializers, locals, parameter defaults, assignments (also in object, anonymous-object and dictionary
/// initializers: <c>["Jwt:Key"] = "…"</c>), keyed pairs (<c>Add("ApiKey", "…")</c>, <c>new KeyValuePair&lt;,&gt;</c>,
/// <c>SetEnvironmentVariable</c>), comparisons (<c>apiKey == "…"</c>, <c>Equals</c>, <c>is "…"</c>) and arguments to
/// secret-named parameters (<c>new NetworkCredential(user, "…")</c>). The value classifier drops placeholders, key paths,
/// environment-variable names, URLs, file paths and labels; keys and tokens need length and entropy. Values that RDY1001
/// or RDY1003 report are left to them. Connection-string names are left to RDY1003 (only the credential inside matters).
/// </summary>
/// <remarks>
/// This file registers the rule, climbs from each literal and reports. How far the literal's value goes is
/// <see cref="LiteralClimb"/>; which constructs on the way could name it, from syntax, is <see cref="SecretTargets"/>; the
/// names a bound construct gives its values are <see cref="NamedValues"/>; what the last two share is
/// <see cref="SecretNameSources"/>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretNamedSymbolAnalyzer : ReadinessAnalyzer
{
    /// <summary>Diagnostic property: the symbol name (never the value).</summary>
    public const string NameProperty = "SecretName";

    /// <summary>Diagnostic property: "true" when the literal sits where an expression read from configuration can replace it.</summary>
    public const string FixableProperty = "Fixable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var keyValuePair = environment.Types.Get("System.Collections.Generic.KeyValuePair`2");
        var settings = new SecretsSettingsCache(environment);
        start.RegisterSyntaxNodeAction(context => OnLiteral(context, keyValuePair, settings), StringLiterals.ValueKinds);
    }

    /// <summary>
    /// Every report needs a string literal in the value (<see cref="SecretLiterals.TryGet"/>), so the rule starts from the
    /// literals the driver walks anyway and climbs to the constructs that can give it a name — declarations, assignments,
    /// comparisons, calls, arguments, returns — up to the statement, lambda or member around it. Each construct is looked
    /// at once (from its first literal) and bound only when its syntax can matter; then <see cref="NamedValues"/> decides.
    /// </summary>
    private static void OnLiteral(SyntaxNodeAnalysisContext context, INamedTypeSymbol? keyValuePair, SecretsSettingsCache cache)
    {
        var literal = context.Node;

        // A diagnostic belongs to the literal action that sees the first literal of the reported value (a value may hold
        // several: "a" + "b"): each is reported once, and from the node it covers, as the IDE's per-document analysis needs.
        void Report(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            var root = literal.SyntaxTree.GetRoot(context.CancellationToken);
            var reported = root.FindNode(span, getInnermostNodeForTie: true);
            var first = reported.Span == span ? StringLiterals.FirstValueIn(reported, LiteralClimb.IsBoundary) : null;
            if (first is null || first.Span == literal.Span)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        // A literal of fewer than four characters is never reported on its own (only as part of a longer constant).
        if (literal is LiteralExpressionSyntax { Token.ValueText.Length: < 4 } && !LiteralClimb.IsConcatenated(literal))
        {
            return;
        }

        for (SyntaxNode? child = literal, node = literal.Parent; node is not null && !LiteralClimb.IsBoundary(node); child = node, node = node.Parent)
        {
            if (!LiteralClimb.CarriesValue(node, child))
            {
                return;
            }

            if (!SecretTargets.MayNameASecret(node, literal, cache))
            {
                if (LiteralClimb.EndsTheValue(node, child))
                {
                    return;
                }

                continue;
            }

            if (node is ArrowExpressionClauseSyntax arrow)
            {
                // An expression body: its value is returned by an implicit return.
                var value = context.SemanticModel.GetOperation(arrow.Expression, context.CancellationToken);
                while (value?.Parent is IConversionOperation)
                {
                    value = value.Parent;
                }

                if (value?.Parent is IReturnOperation implicitReturn)
                {
                    NamedValues.Read(new OperationContext(implicitReturn, context, Report), keyValuePair, cache);
                }

                return;
            }

            if (node is AnonymousObjectCreationExpressionSyntax)
            {
                if (context.SemanticModel.GetOperation(node, context.CancellationToken) is IAnonymousObjectCreationOperation anonymous)
                {
                    foreach (var initializer in anonymous.Initializers)
                    {
                        NamedValues.Read(new OperationContext(initializer, context, Report), keyValuePair, cache);
                    }
                }

                continue;
            }

            var operation = context.SemanticModel.GetOperation(OwnerSyntax(node), context.CancellationToken);
            if (operation is not null)
            {
                NamedValues.Read(new OperationContext(operation, context, Report), keyValuePair, cache);
            }

            if (LiteralClimb.EndsTheValue(node, child))
            {
                return;
            }
        }
    }

    /// <summary>The node to bind for a construct: a local's declarator (its operation holds the symbol) rather than its <c>= value</c>.</summary>
    private static SyntaxNode OwnerSyntax(SyntaxNode node)
        => node is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax or UsingStatementSyntax or ForStatementSyntax or FixedStatementSyntax } declarator }
            ? declarator
            : node;

    /// <summary>
    /// Reports <paramref name="value"/> given <paramref name="name"/> (by <see cref="NamedValues"/>) when it is literal text
    /// of four characters or more, the name is a reported secret's and the value one it could hold, and neither RDY1001 nor
    /// RDY1003 claims it.
    /// </summary>
    internal static void ReportIfSecret(OperationContext context, SecretsSettingsCache cache, string name, IOperation value, bool fixable)
    {
        if (!SecretLiterals.TryGet(value, out var text) || text.Length < 4)
        {
            return;
        }

        var settings = cache.For(value.Syntax.SyntaxTree);
        if (settings is null || !SecretNameSources.IsReported(settings, name, out var secretName))
        {
            return;
        }

        if (!settings.IsSecretValue(text, secretName)
            || ProviderTokens.TryFind(text, out _)
            || StructuredCredentials.TryFind(text, out _))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(NameProperty, name)
            .Add(FixableProperty, fixable ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral,
            value.Syntax.GetLocation(),
            properties,
            name,
            secretName.Label,
            SecretText.Mask(null, text.Length)));
    }
}
