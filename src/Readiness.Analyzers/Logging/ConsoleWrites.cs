using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Readiness.Analyzers.Common;

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

    public static ConsoleWrites? Create(Compilation compilation)
    {
        var console = compilation.GetTypeByMetadataName("System.Console");
        var textWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        return console is null || textWriter is null ? null : new ConsoleWrites(console, textWriter);
    }

    public static bool IsWriteName(string name)
        => name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync";

    /// <summary>
    /// True for <c>Console.Write(Line)</c> and for <c>Write*</c> on the writer of <c>Console.Out</c>/<c>Console.Error</c>;
    /// <paramref name="display"/> is how the call reads in a message (<c>Console.Error.WriteLine</c>).
    /// </summary>
    public bool IsConsoleWrite(IInvocationOperation invocation, out string display)
    {
        display = string.Empty;
        var method = invocation.TargetMethod;
        if (!IsWriteName(method.Name))
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _console))
        {
            display = "Console." + method.Name;
            return true;
        }

        if (!InheritsFromTextWriter(method.ContainingType))
        {
            return false;
        }

        var stream = ConsoleStreamOf(invocation.Instance);
        if (stream is null)
        {
            return false;
        }

        display = "Console." + stream + "." + method.Name;
        return true;
    }

    /// <summary>
    /// Decides a candidate call by looking up the names of its receiver (<see cref="StaticReceiver"/>), without binding the
    /// method it is in: true for <c>Console.Write…(…)</c> on the <c>System.Console</c> type, false for a call that cannot be
    /// a write to the console (a static call on another type; a parameter, field or property other than
    /// <c>Console.Out</c>/<c>Console.Error</c>), null when only binding can tell (<c>Console.Out…</c>, a local that may
    /// hold it, <c>using static</c>, anything the lookup cannot resolve).
    /// </summary>
    public bool? IsConsoleWriteByLookup(InvocationExpressionSyntax invocation, SemanticModel model, out string display)
    {
        display = string.Empty;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access
            || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            || !IsWriteName(name.Identifier.ValueText))
        {
            return null;
        }

        switch (StaticReceiver.Resolve(model, access.Expression))
        {
            case INamedTypeSymbol type when SymbolEqualityComparer.Default.Equals(type, _console):
                display = "Console." + name.Identifier.ValueText;
                return true;
            case INamedTypeSymbol:
            case IParameterSymbol:
            case IFieldSymbol:
            case INamespaceSymbol:
            case IMethodSymbol:
            case ITypeParameterSymbol:
                return false;
            case IPropertySymbol property:
                return SymbolEqualityComparer.Default.Equals(property.ContainingType, _console) ? null : false;
            default:
                return null;
        }
    }

    /// <summary>Whether the call writes to standard error (<c>Console.Error…</c>).</summary>
    public bool WritesToError(IInvocationOperation invocation) => ConsoleStreamOf(invocation.Instance) == "Error";

    /// <summary>"Out" or "Error" when <paramref name="instance"/> is <c>Console.Out</c>/<c>Console.Error</c>, directly or through a local initialised with it.</summary>
    private string? ConsoleStreamOf(IOperation? instance)
    {
        switch (instance)
        {
            case IPropertyReferenceOperation property
                when property.Property.Name is "Out" or "Error"
                    && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _console):
                return property.Property.Name;

            case ILocalReferenceOperation local when instance.SemanticModel is { } model:
                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                        && value.SyntaxTree == model.SyntaxTree
                        && model.GetOperation(value) is IPropertyReferenceOperation initializer
                        && initializer.Property.Name is "Out" or "Error"
                        && SymbolEqualityComparer.Default.Equals(initializer.Property.ContainingType, _console))
                    {
                        return initializer.Property.Name;
                    }
                }

                return null;

            default:
                return null;
        }
    }

    private bool InheritsFromTextWriter(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _textWriter))
            {
                return true;
            }
        }

        return false;
    }
}
