using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>Whether a name a fix writes already binds where it goes, so the fix knows whether to add a <c>using</c>.</summary>
internal static class InScope
{
    /// <summary>Whether the simple type name <paramref name="name"/> means <paramref name="metadataName"/> at <paramref name="position"/>.</summary>
    public static bool Type(SemanticModel model, int position, string name, string metadataName)
    {
        var expected = WellKnownTypeProvider.For(model.Compilation).Get(metadataName);
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: name))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether method <paramref name="name"/> (an extension or an instance method) can be called on <paramref name="receiverType"/> at <paramref name="position"/>.</summary>
    public static bool Method(SemanticModel model, int position, ITypeSymbol? receiverType, string name)
        => receiverType is not null && !model.LookupSymbols(position, receiverType, name, includeReducedExtensionMethods: true).IsEmpty;
}
