using System.Globalization;
using System.Text;

namespace Readiness.Analyzers.AppModel.Facts;

/// <summary>
/// Start-up facts that travel with an assembly (src/docs/architecture.md, "Seeing the whole application"): the
/// <see cref="StartupFactsGenerator"/> records, in each library that uses the package, what its public start-up methods
/// register and map, as <c>[assembly: AssemblyMetadata("Readiness.StartupFacts", …)]</c> (kept in reference assemblies);
/// a web project that calls such a method reads them here and judges the call as if its code were inline.
/// </summary>
/// <remarks>
/// One attribute per method. Its value is <c>version;methodId;display;delegated;call;call…</c>, each call
/// <c>name|target|guard|features|receiver</c> with the enums as numbers. A record of another version, or one that does
/// not parse, is ignored: the call then falls back to <see cref="DelegationPolicy"/>.
/// </remarks>
public static class StartupFacts
{
    /// <summary>The <c>AssemblyMetadata</c> key.</summary>
    public const string MetadataKey = "Readiness.StartupFacts";

    /// <summary>The format's version; bump it when the record changes shape.</summary>
    public const string Version = "1";

    /// <summary>The features the rules judge from facts in detail (health checks, Identity's password length, the rate limiter's two halves); for the others a library that touches them stays delegated.</summary>
    public const StartupFeature JudgedFromFacts = StartupFeature.All;

    private static readonly Memo<IAssemblySymbol, ImmutableDictionary<string, MethodStartupFacts>> ByAssembly =
        new(static (assembly, cancellationToken) => Read(assembly, cancellationToken));

    /// <summary>The facts of <paramref name="method"/> when its assembly recorded them, else null.</summary>
    public static MethodStartupFacts? Find(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var assembly = definition.ContainingAssembly;
        if (assembly is null || DelegationPolicy.IsFrameworkAssembly(assembly.Name))
        {
            return null;
        }

        var facts = ByAssembly.Get(assembly, cancellationToken);
        if (facts.IsEmpty)
        {
            return null;
        }

        var id = DocumentationCommentId.CreateDeclarationId(definition);
        return id is not null && facts.TryGetValue(id, out var found) ? found : null;
    }

    /// <summary>The attribute value recording <paramref name="facts"/>.</summary>
    public static string Write(MethodStartupFacts facts)
    {
        var text = new StringBuilder();
        text.Append(Version).Append(';').Append(facts.MethodId).Append(';').Append(facts.Display).Append(';').Append((int)facts.Delegated);
        foreach (var call in facts.Calls)
        {
            text.Append(';').Append(call.Name)
                .Append('|').Append((int)call.Target)
                .Append('|').Append((int)call.Guard)
                .Append('|').Append((int)call.Features)
                .Append('|').Append(call.Receiver);
        }

        return text.ToString();
    }

    /// <summary>The facts in <paramref name="value"/>, or null when it is not a record of this version or does not parse.</summary>
    public static MethodStartupFacts? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(';');
        if (parts.Length < 4 || parts[0] != Version || parts[1].Length < 3 || !TryFeature(parts[3], out var delegated))
        {
            return null;
        }

        var calls = ImmutableArray.CreateBuilder<StartupFact>(parts.Length - 4);
        for (var i = 4; i < parts.Length; i++)
        {
            var fields = parts[i].Split('|');
            if (fields.Length != 5
                || fields[0].Length == 0
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var target) || !Enum.IsDefined(typeof(PipelineTarget), target)
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var guard) || !Enum.IsDefined(typeof(EnvironmentGuard), guard)
                || !TryFeature(fields[3], out var features))
            {
                return null;
            }

            calls.Add(new StartupFact(fields[0], (PipelineTarget)target, (EnvironmentGuard)guard, features, fields[4]));
        }

        return new MethodStartupFacts(parts[1], parts[2], delegated, calls.ToImmutable());
    }

    private static bool TryFeature(string text, out StartupFeature feature)
    {
        feature = StartupFeature.None;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || (value & ~(int)StartupFeature.All) != 0)
        {
            return false;
        }

        feature = (StartupFeature)value;
        return true;
    }

    private static ImmutableDictionary<string, MethodStartupFacts> Read(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        ImmutableDictionary<string, MethodStartupFacts>.Builder? facts = null;
        foreach (var attribute in assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" }
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is MetadataKey
                && Parse(attribute.ConstructorArguments[1].Value as string) is { } method)
            {
                (facts ??= ImmutableDictionary.CreateBuilder<string, MethodStartupFacts>(StringComparer.Ordinal))[method.MethodId] = method;
            }
        }

        return facts?.ToImmutable() ?? ImmutableDictionary<string, MethodStartupFacts>.Empty;
    }
}
