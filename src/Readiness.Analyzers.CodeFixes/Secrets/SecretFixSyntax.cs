using System.Text;
using Microsoft.CodeAnalysis.Simplification;
using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Secrets;

/// <summary>Shared helpers for the secrets fixes: configuration keys and variable names from a symbol, throw expressions, parentheses.</summary>
internal static class SecretFixSyntax
{
    private static readonly string[] TypeSuffixes =
    {
        "Controller", "Service", "Options", "Settings", "Configuration", "Config", "Client", "Provider", "Handler", "Manager", "Repository", "Helper", "Extensions",
    };

    /// <summary>First words that qualify the secret rather than name a section: <c>apiKey</c> stays <c>ApiKey</c>.</summary>
    private static readonly HashSet<string> NotASection = new(System.StringComparer.Ordinal)
    {
        "api", "access", "client", "private", "signing", "secret", "password", "passwd", "pwd", "token", "refresh", "auth",
        "bearer", "my", "app", "user", "encryption", "shared", "master", "admin", "default", "root",
    };

    /// <summary>The words of a member name without its field prefix (<c>_apiKey</c>, <c>m_apiKey</c>, <c>s_apiKey</c>).</summary>
    public static List<string> MemberWords(string name)
    {
        if (name.Length > 2 && (name.StartsWith("m_", System.StringComparison.Ordinal) || name.StartsWith("s_", System.StringComparison.Ordinal)))
        {
            name = name.Substring(2);
        }

        var words = NameWords.Split(name.TrimStart('_'));
        if (words.Count > 1 && words[0] == "get")
        {
            words.RemoveAt(0); // GetApiKey() answers for ApiKey
        }

        return words;
    }

    /// <summary>The configuration section a type stands for: <c>PaymentService</c> → <c>Payment</c>; none for top-level code.</summary>
    public static string? SectionOf(INamedTypeSymbol? type)
    {
        if (type is null || type.IsImplicitlyDeclared || type.Name is "Program" or "<Program>$" || type.Name.Length == 0)
        {
            return null;
        }

        var name = type.Name;
        foreach (var suffix in TypeSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    /// <summary><c>Payment:ApiKey</c>; at top level <c>Jwt:Key</c> from <c>jwtKey</c>, <c>Stripe:ApiKey</c> from <c>stripeApiKey</c>.</summary>
    public static string ConfigurationKey(string? section, List<string> words)
    {
        if (section is not null)
        {
            return section + ":" + Pascal(words, 0);
        }

        if (words.Count >= 2 && !NotASection.Contains(words[0]))
        {
            return Pascal(words, 0, 1) + ":" + Pascal(words, 1);
        }

        return Pascal(words, 0);
    }

    /// <summary><c>PAYMENT_API_KEY</c>, <c>JWT_KEY</c>.</summary>
    public static string EnvironmentVariable(string? section, List<string> words)
    {
        var all = new List<string>();
        if (section is not null)
        {
            all.AddRange(NameWords.Split(section));
        }

        all.AddRange(words);
        var builder = new StringBuilder();
        foreach (var word in all)
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(word.ToUpperInvariant());
        }

        return builder.ToString();
    }

    private static string Pascal(List<string> words, int start, int count = int.MaxValue)
    {
        var builder = new StringBuilder();
        for (var i = start; i < words.Count && i - start < count; i++)
        {
            var w = words[i];
            builder.Append(char.ToUpperInvariant(w[0])).Append(w, 1, w.Length - 1);
        }

        return builder.ToString();
    }

    /// <summary><c>throw new global::System.InvalidOperationException("…")</c>, to be simplified by the caller.</summary>
    public static ThrowExpressionSyntax ThrowNotConfigured(string message)
        => SyntaxFactory.ThrowExpression(
            SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message)))))));

    /// <summary>Where a <c>a ?? throw …</c> can stand without parentheses.</summary>
    public static bool NeedsParentheses(SyntaxNode replaced)
        => replaced.Parent is not (EqualsValueClauseSyntax or ArgumentSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or ParenthesizedExpressionSyntax)
            && !(replaced.Parent is AssignmentExpressionSyntax assignment && assignment.Right == replaced);

    /// <summary>Constant contexts, where only a constant may stand: attributes, case labels, patterns, parameter defaults, const initializers.</summary>
    public static bool IsInConstantContext(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case CasePatternSwitchLabelSyntax:
                case SwitchExpressionArmSyntax arm when arm.Pattern.Span.Contains(node.Span):
                    return true;
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } }
                    when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } }
                    when local.IsConst:
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
