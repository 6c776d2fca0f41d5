using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference assemblies every test compilation sees: the .NET and ASP.NET Core reference packs and the NuGet
/// packages rules are about, as resolved by this test project's own build (<c>testrefs.txt</c>). Loaded once; never downloaded.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    public static ImmutableArray<MetadataReference> All => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "testrefs.txt");
        if (!File.Exists(list))
        {
            throw new InvalidOperationException($"{list} is missing: build the test project (its WriteTestReferences target writes it).");
        }

        return File.ReadAllLines(list)
            .Where(line => line.Length > 0 && File.Exists(line))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
