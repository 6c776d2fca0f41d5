using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Readiness.Analyzers.Common;

/// <summary>
/// What the receiver of a call names (<c>Console</c> in <c>Console.WriteLine(…)</c>), found by looking its names up where
/// it is written instead of binding the code around it. Asking the semantic model about one expression in a method binds
/// the whole method body (and, with nullable reference types on, runs its nullable analysis); a lookup reads only the
/// scopes, as the binder's own name lookup does. Rules about static calls on a few well-known types (<c>Console</c>,
/// <c>Debug</c>, <c>Trace</c>) decide most calls this way and bind only those the lookup cannot tell.
/// </summary>
internal static class StaticReceiver
{
    /// <summary>
    /// The symbol <paramref name="receiver"/> names when it is a simple name or a dotted chain of names (<c>Console</c>,
    /// <c>System.Console</c>, <c>global::System.Console</c>, <c>Console.Out</c>): a type (an alias stands for its target), a
    /// namespace, a local, a parameter, a field, a property… Null when a lookup cannot tell — nothing or more than one symbol
    /// found, a generic name, an inherited member, any other expression — and the caller must bind.
    /// </summary>
    public static ISymbol? Resolve(SemanticModel model, ExpressionSyntax receiver)
    {
        switch (receiver)
        {
            case IdentifierNameSyntax identifier:
                return Single(model.LookupSymbols(identifier.SpanStart, name: identifier.Identifier.ValueText));
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                return Member(Resolve(model, access.Expression), name.Identifier.ValueText);
            case AliasQualifiedNameSyntax { Name: IdentifierNameSyntax name } qualified when qualified.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword):
                return Member(model.Compilation.GlobalNamespace, name.Identifier.ValueText);
            default:
                return null;
        }
    }

    private static ISymbol? Single(ImmutableArray<ISymbol> symbols)
    {
        if (symbols.Length != 1)
        {
            return null;
        }

        return symbols[0] is IAliasSymbol alias ? alias.Target : symbols[0];
    }

    /// <summary>The one member of that name a namespace or type declares itself (nested namespace, type, static field or property).</summary>
    private static ISymbol? Member(ISymbol? container, string name)
    {
        switch (container)
        {
            case INamespaceSymbol @namespace:
                ISymbol? found = null;
                foreach (var member in @namespace.GetMembers(name))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = member;
                }

                return found;
            case INamedTypeSymbol type:
                var members = type.GetMembers(name);
                return members.Length == 1 ? members[0] : null;
            default:
                return null;
        }
    }
}
