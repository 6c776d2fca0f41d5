namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1001: a string literal (any form: regular, verbatim, raw, UTF-8, interpolated text, constant, attribute argument)
/// contains a token in a provider's own format — see <see cref="ProviderTokens.Families"/>. GitHub and npm tokens must
/// pass their CRC32 checksum. The message shows the provider's public prefix and the length, never the value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProviderTokenAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1001_ProviderTokenInLiteral);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
            start.RegisterSyntaxNodeAction(
            context =>
            {
                // Cheapest first: the literal's text and the prefiltered match; options only for a match.
                var token = StringLiterals.TokenOf(context.Node);
                var value = StringLiterals.ValueOf(token, ProviderTokens.MinimumLength);
                if (value is null || !ProviderTokens.TryFind(value, out var match))
                {
                    return;
                }

                var tree = context.Node.SyntaxTree;
                if (!environment.Applies(tree, context.CancellationToken)
                    || SecretsSettings.For(context.Options, tree).IsAllowed(value))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY1001_ProviderTokenInLiteral,
                    token.GetLocation(),
                    match.Family.Label,
                    match.Hint));
            },
            StringLiterals.NodeKinds);
    }
}
