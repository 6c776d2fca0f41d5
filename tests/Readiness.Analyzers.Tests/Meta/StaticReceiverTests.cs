using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>
/// The receiver lookup the console and Debug/Trace rules use instead of binding a method body: whatever it names must be
/// what binding names, and where it cannot tell it must say so (null) rather than guess.
/// </summary>
public class StaticReceiverTests
{
    private const string Source = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Terminal = System.Console;

        namespace App
        {
            public static class Debug
            {
                public static void WriteLine(string text) { }
            }

            public class C
            {
                private TextWriter Writer { get; } = TextWriter.Null;

                public void M(TextWriter parameter)
                {
                    var local = Console.Out;
                    Console.WriteLine("a");
                    System.Console.WriteLine("b");
                    global::System.Console.WriteLine("c");
                    Terminal.WriteLine("d");
                    Console.Out.WriteLine("e");
                    Debug.WriteLine("f");
                    System.Diagnostics.Debug.WriteLine("g");
                    local.WriteLine("h");
                    parameter.WriteLine("i");
                    Writer.WriteLine("j");
                    this.Writer.WriteLine("k");
                    Task.Run(() => { });
                }
            }
        }
        """;

    [Fact]
    public void Names_what_binding_names_and_nothing_where_a_lookup_cannot_tell()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("Receivers", [tree], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var resolved = new Dictionary<string, ISymbol?>();
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax access)
            {
                resolved[access.Expression.ToString()] = StaticReceiver.Resolve(model, access.Expression);
            }
        }

        Assert.Equal("System.Console", Display(resolved["Console"]));
        Assert.Equal("System.Console", Display(resolved["System.Console"]));
        Assert.Equal("System.Console", Display(resolved["global::System.Console"]));
        Assert.Equal("System.Console", Display(resolved["Terminal"]));
        Assert.Equal("System.Console.Out", Display(resolved["Console.Out"]));
        Assert.Equal("App.Debug", Display(resolved["Debug"]));
        Assert.Equal("System.Diagnostics.Debug", Display(resolved["System.Diagnostics.Debug"]));
        Assert.IsAssignableFrom<ILocalSymbol>(resolved["local"]);
        Assert.IsAssignableFrom<IParameterSymbol>(resolved["parameter"]);
        Assert.IsAssignableFrom<IPropertySymbol>(resolved["Writer"]);
        Assert.Null(resolved["this.Writer"]);
        Assert.Null(resolved["Task"]);

        // Each symbol the lookup gives is the one binding gives.
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax access && resolved[access.Expression.ToString()] is { } symbol)
            {
                var bound = model.GetSymbolInfo(access.Expression).Symbol;
                Assert.True(SymbolEqualityComparer.Default.Equals(symbol, bound is IAliasSymbol alias ? alias.Target : bound), access.Expression.ToString());
            }
        }
    }

    private static string? Display(ISymbol? symbol) => symbol?.ToDisplayString();
}
