namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// A call the <see cref="StartupEditor"/> writes on a receiver it finds (<c>builder.Services</c>, <c>services</c>, <c>app</c>,
/// <c>endpoints</c>): a method, the calls chained after it, and the namespaces the call needs. The editor imports the
/// method's namespace when the method does not bind on the receiver there, and each named type's namespace when the type
/// does not bind there. The call is built with <see cref="SyntaxFactory"/>; arguments are the caller's (a literal is built,
/// a lambda of several lines is best parsed from a template).
/// </summary>
internal sealed class StartupCall
{
    private readonly List<(string Name, TypeSyntax? TypeArgument, ExpressionSyntax[] Arguments)> _links = new();
    private readonly List<(string Name, string MetadataName, string Namespace)> _types = new();

    private StartupCall(string method, string @namespace, ExpressionSyntax[] arguments)
    {
        Method = method;
        Namespace = @namespace;
        _links.Add((method, null, arguments));
    }

    /// <summary>The method called on the receiver.</summary>
    public string Method { get; }

    /// <summary>The namespace that declares <see cref="Method"/> (an extension method's class).</summary>
    public string Namespace { get; }

    /// <summary>The types the arguments name: simple name, metadata name, namespace.</summary>
    public IReadOnlyList<(string Name, string MetadataName, string Namespace)> Types => _types;

    /// <summary><c>receiver.<paramref name="method"/>(<paramref name="arguments"/>)</c>.</summary>
    public static StartupCall Of(string method, string @namespace, params ExpressionSyntax[] arguments)
        => new(method, @namespace, arguments);

    /// <summary>Chains <c>.<paramref name="method"/>&lt;<paramref name="typeArgument"/>&gt;(<paramref name="arguments"/>)</c> after the calls so far.</summary>
    public StartupCall Then(string method, TypeSyntax? typeArgument = null, params ExpressionSyntax[] arguments)
    {
        _links.Add((method, typeArgument, arguments));
        return this;
    }

    /// <summary>Says that the arguments name type <paramref name="name"/> (<paramref name="metadataName"/>) of <paramref name="namespace"/>.</summary>
    public StartupCall Naming(string name, string metadataName, string @namespace)
    {
        _types.Add((name, metadataName, @namespace));
        return this;
    }

    /// <summary>The call on <paramref name="receiver"/>.</summary>
    public ExpressionSyntax On(ExpressionSyntax receiver)
    {
        var current = receiver;
        foreach (var (name, typeArgument, arguments) in _links)
        {
            SimpleNameSyntax member = typeArgument is null
                ? SyntaxFactory.IdentifierName(name)
                : SyntaxFactory.GenericName(SyntaxFactory.Identifier(name), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(typeArgument)));
            current = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, current, member),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));
        }

        return current;
    }

    /// <summary>A string literal, as the fixes write paths and names.</summary>
    public static LiteralExpressionSyntax Literal(string value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
}
