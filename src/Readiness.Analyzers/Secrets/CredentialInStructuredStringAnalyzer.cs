namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1003: a string literal holds a credential inside a structure — a connection string with <c>Password=</c>/<c>Pwd=</c>
/// (SQL Server, PostgreSQL, MySQL, Redis), a URI with <c>user:password@host</c> (RabbitMQ, MongoDB, PostgreSQL, Redis URLs),
/// an <c>Authorization</c> header value (<c>Basic</c> with a decodable <c>user:password</c>, <c>Bearer</c> with a random
/// token), or SQL <c>CREATE/ALTER LOGIN|USER|ROLE … PASSWORD '…'</c>. Placeholders and format holes are not credentials.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialInStructuredStringAnalyzer : ReadinessAnalyzer
{
    private const int MinimumLength = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1003_CredentialInStructuredString);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
            start.RegisterSyntaxNodeAction(
            context =>
            {
                // Cheapest first: the literal's text and the prefiltered match; options only for a match.
                var token = StringLiterals.TokenOf(context.Node);
                var value = StringLiterals.ValueOf(token, MinimumLength);
                if (value is null
                    || !(StructuredCredentials.TryFind(value, out var match)
                        || (IsEncodedForBasicHeader(context.Node) && StructuredCredentials.TryBasicPair(value, out match))))
                {
                    return;
                }

                Report(context, environment, token.GetLocation(), value, match);
            },
            StringLiterals.NodeKinds);

        // "Server=x;" + "User Id=app;" + "Password=y;" is one constant: judge the whole when no part holds the credential alone.
        start.RegisterSyntaxNodeAction(
            context =>
            {
                var node = (BinaryExpressionSyntax)context.Node;
                if (node.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } || !MayHoldCredential(node))
                {
                    return;
                }

                if (context.SemanticModel.GetConstantValue(node, context.CancellationToken) is not { HasValue: true, Value: string value }
                    || value.Length < MinimumLength
                    || !StructuredCredentials.TryFind(value, out var match)
                    || AnyPartHoldsCredential(node))
                {
                    return;
                }

                Report(context, environment, node.GetLocation(), value, match);
            },
            SyntaxKind.AddExpression);
    }

    private static void Report(SyntaxNodeAnalysisContext context, RuleEnvironment environment, Location location, string value, CredentialMatch match)
    {
        var tree = context.Node.SyntaxTree;
        if (!environment.Applies(tree, context.CancellationToken)
            || SecretsSettings.For(context.Options, tree).IsAllowed(value))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY1003_CredentialInStructuredString,
            location,
            match.Kind,
            match.Hint));
    }

    /// <summary>A literal given to <c>….GetBytes(…)</c> whose bytes go straight to <c>….ToBase64String(…)</c>: the text of a Basic header.</summary>
    private static bool IsEncodedForBasicHeader(SyntaxNode literal)
        => literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax getBytes } }
            && NameOf(getBytes) == "GetBytes"
            && getBytes.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax toBase64 } }
            && NameOf(toBase64) == "ToBase64String";

    private static string? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Syntax-only prefilter: some literal part of the concatenation mentions a password, a URI's user info or a header scheme.</summary>
    private static bool MayHoldCredential(BinaryExpressionSyntax node)
    {
        foreach (var part in node.DescendantNodes())
        {
            if (part is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                var text = literal.Token.ValueText;
                if (text.IndexOf("pwd", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("password", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf('@') >= 0
                    || text.IndexOf("basic", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("bearer", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AnyPartHoldsCredential(BinaryExpressionSyntax node)
    {
        foreach (var part in node.DescendantNodes())
        {
            if (part is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                && StructuredCredentials.TryFind(literal.Token.ValueText, out _))
            {
                return true;
            }
        }

        return false;
    }
}
