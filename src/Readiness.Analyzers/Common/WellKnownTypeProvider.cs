using System.Collections.Concurrent;

namespace Readiness.Analyzers.Common;

/// <summary>
/// The one place a metadata name becomes a type: each name resolved once per compilation, lazily, and shared by every
/// rule (as NetAnalyzers' <c>WellKnownTypeProvider</c> does). With the symbol helpers every family uses: derives from,
/// implements, is one of.
/// </summary>
public sealed class WellKnownTypeProvider
{
    private static readonly Memo<Compilation, WellKnownTypeProvider> Providers = new(static (compilation, _) => new WellKnownTypeProvider(compilation));

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new(StringComparer.Ordinal);
    private readonly Func<string, INamedTypeSymbol?> _resolve;

    private WellKnownTypeProvider(Compilation compilation)
    {
        _compilation = compilation;
        _resolve = Resolve;
    }

    public static WellKnownTypeProvider For(Compilation compilation) => Providers.Get(compilation, System.Threading.CancellationToken.None);

    /// <summary>The type named <paramref name="metadataName"/> (<c>Namespace.Type`1+Nested</c>), or null when the compilation cannot see it.</summary>
    public INamedTypeSymbol? Get(string metadataName)
        => _types.TryGetValue(metadataName, out var type) ? type : _types.GetOrAdd(metadataName, _resolve);

    /// <summary>Whether any of <paramref name="metadataNames"/> resolves: the usual early return of a rule.</summary>
    public bool HasAny(params string[] metadataNames)
    {
        foreach (var name in metadataNames)
        {
            if (Get(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // The one call of GetTypeByMetadataName in the analyzers (a convention test bans it elsewhere).
    private INamedTypeSymbol? Resolve(string metadataName) => _compilation.GetTypeByMetadataName(metadataName);

    /// <summary>Whether <paramref name="type"/> is <paramref name="other"/> (its original definition, for generics).</summary>
    public static bool Is(ITypeSymbol? type, ITypeSymbol? other)
        => type is not null && other is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, other.OriginalDefinition);

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, ITypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="interfaceType"/> or implements it.</summary>
    public static bool Implements(ITypeSymbol? type, ITypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        if (Is(type, interfaceType))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (Is(candidate, interfaceType))
            {
                return true;
            }
        }

        return false;
    }
}
