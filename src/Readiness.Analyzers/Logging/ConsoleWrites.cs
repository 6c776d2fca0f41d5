using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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
