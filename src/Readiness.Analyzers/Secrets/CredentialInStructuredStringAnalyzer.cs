using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1003: a string literal holds a credential inside a structure — a connection string with <c>Password=</c>/<c>Pwd=</c>
/// (SQL Server, PostgreSQL, MySQL, Redis), a URI with <c>user:password@host</c> (RabbitMQ, MongoDB, PostgreSQL, Redis URLs),
/// an <c>Authorization</c> header value (<c>Basic</c> with a decodable <c>user:password</c>, <c>Bearer</c> with a random
/// token), or SQL <c>CREATE/ALTER LOGIN|USER|ROLE … PASSWORD '…'</c>. Placeholders and format holes are not credentials.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialInStructuredStringAnalyzer : DiagnosticAnalyzer
{
    private const int MinimumLength = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Descriptors.RDY1003_CredentialInStructuredString);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var isTestProject = SecretsScope.IsTestProject(start.Compilation, start.Options);
            start.RegisterSyntaxNodeAction(
                context =>
                {
                    // Cheapest first: the literal's text and the prefiltered match; options only for a match.
                    var token = StringLiterals.TokenOf(context.Node);
                    var value = StringLiterals.ValueOf(token, MinimumLength);
                    if (value is null || !StructuredCredentials.TryFind(value, out var match))
                    {
                        return;
                    }

                    var tree = context.Node.SyntaxTree;
                    if (!SecretsScope.Applies(isTestProject, context.Options, tree)
                        || SecretsSettings.For(context.Options, tree).IsAllowed(value))
                    {
                        return;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.Descriptors.RDY1003_CredentialInStructuredString,
                        token.GetLocation(),
                        match.Kind,
                        match.Hint));
                },
                StringLiterals.NodeKinds);
        });
    }
}
