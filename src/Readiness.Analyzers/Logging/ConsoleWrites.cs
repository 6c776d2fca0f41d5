namespace Readiness.Analyzers.Logging;

/// <summary>Recognises writes to the console, resolved once per compilation.</summary>
internal sealed class ConsoleWrites
{
    private readonly INamedTypeSymbol _console;
    private readonly INamedTypeSymbol _textWriter;

    private ConsoleWrites(INamedTypeSymbol console, INamedTypeSymbol textWriter)
    {
        _console = console;
        _textWriter = textWriter;
    }

    /// <summary>The console writes of the compilation <paramref name="types"/> belongs to, or null when it cannot see the console.</summary>
    public static ConsoleWrites? Create(WellKnownTypeProvider types)
        => types.Get("System.Console") is { } console && types.Get("System.IO.TextWriter") is { } textWriter
            ? new ConsoleWrites(console, textWriter)
            : null;

    public static bool IsWriteName(string name)
        => name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync";

    /// <summary>
    /// True for <c>Console.Write(Line)</c> and for <c>Write*</c> on the writer of <c>Console.Out</c>/<c>Console.Error</c>;
    /// <paramref name="display"/> is how the call reads in a message (<c>Console.Error.WriteLine</c>).
    /// </summary>
    public bool IsConsoleWrite(IInvocationOperation invocation, out string display, CancellationToken cancellationToken)
    {
        display = string.Empty;
        return invocation.Syntax is InvocationExpressionSyntax syntax
            && invocation.SemanticModel is { } model
            && IsConsoleWrite(model, syntax, invocation.TargetMethod, out display, cancellationToken);
    }

    /// <summary>
    /// The same decision from the call's syntax and the method it calls: the writer is read from the receiver as written
    /// (<c>Console.Error</c>, or a local initialised with it), through symbols only, so no operation tree is built.
    /// </summary>
    public bool IsConsoleWrite(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, out string display, CancellationToken cancellationToken)
    {
        display = string.Empty;
        if (!IsWriteName(method.Name))
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _console))
        {
            display = "Console." + method.Name;
            return true;
        }

        if (method.IsStatic
            || !WellKnownTypeProvider.DerivesFrom(method.ContainingType, _textWriter)
            || invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return false;
        }

        var stream = ConsoleStreamOf(model, access.Expression, cancellationToken);
        if (stream is null)
        {
            return false;
        }

        display = "Console." + stream + "." + method.Name;
        return true;
    }

    /// <summary>"Out" or "Error" when <paramref name="receiver"/> is <c>Console.Out</c>/<c>Console.Error</c>, directly or through a local initialised with it.</summary>
    private string? ConsoleStreamOf(SemanticModel model, ExpressionSyntax receiver, CancellationToken cancellationToken)
    {
        switch (model.GetSymbolInfo(WithoutParentheses(receiver), cancellationToken).Symbol)
        {
            case IPropertySymbol property:
                return StreamName(property);

            case ILocalSymbol local:
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                        && value.SyntaxTree == model.SyntaxTree
                        && model.GetSymbolInfo(WithoutParentheses(value), cancellationToken).Symbol is IPropertySymbol initializer
                        && StreamName(initializer) is { } stream)
                    {
                        return stream;
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private string? StreamName(IPropertySymbol property)
        => property.Name is "Out" or "Error" && SymbolEqualityComparer.Default.Equals(property.ContainingType, _console)
            ? property.Name
            : null;

    private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
