using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Readiness.Analyzers.Benchmarks;

/// <summary>
/// The peers' comparable rules, loaded from their NuGet packages: SonarAnalyzer.CSharp 8.33.0.40503 and Security Code Scan
/// 5.6.7. Only the analyzers that own a comparable rule are run, with those rules turned on and the rest off.
/// </summary>
public static class PeerAnalyzers
{
    /// <summary>Sonar rules comparable to ours: credentials and secrets, console output, weak hashing, debug features, cookies, CORS, JWT.</summary>
    public static readonly ImmutableHashSet<string> SonarRules = ImmutableHashSet.Create(
        "S2068", "S6418", "S106", "S2228", "S4792", "S4790", "S4507", "S5122", "S2092", "S3330", "S6781", "S5332", "S2245");

    /// <summary>Security Code Scan rules comparable to ours: hard-coded password, weak hashing, password validator and cookies.</summary>
    public static readonly ImmutableHashSet<string> ScsRules = ImmutableHashSet.Create(
        "SCS0015", "SCS0006", "SCS0032", "SCS0033", "SCS0034", "SCS0008", "SCS0009", "SCS0005");

    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableHashSet<string> Rules) Load(string name, string packageFolder, ImmutableHashSet<string> rules)
    {
        if (!Directory.Exists(packageFolder))
        {
            Console.Error.WriteLine($"{name}: package folder {packageFolder} not found; restore the benchmark project.");
            return (ImmutableArray<DiagnosticAnalyzer>.Empty, rules);
        }

        var loader = new Loader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var dll in Directory.EnumerateFiles(packageFolder, "*.dll", SearchOption.AllDirectories)
                     .Where(p => p.Contains("/analyzers/", StringComparison.Ordinal)))
        {
            var reference = new AnalyzerFileReference(dll, loader);
            ImmutableArray<DiagnosticAnalyzer> found;
            try
            {
                found = reference.GetAnalyzers(LanguageNames.CSharp);
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or ReflectionTypeLoadException)
            {
                continue;
            }

            foreach (var analyzer in found)
            {
                ImmutableArray<DiagnosticDescriptor> supported;
                try
                {
                    supported = analyzer.SupportedDiagnostics;
                }
                catch (Exception)
                {
                    continue;
                }

                if (supported.Any(d => rules.Contains(d.Id)))
                {
                    analyzers.Add(analyzer);
                }
            }
        }

        return (analyzers.ToImmutable(), rules);
    }

    /// <summary>Turns the comparable rules on (hotspots are off by default) and every other rule of those analyzers off.</summary>
    public static Compilation WithOnly(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableHashSet<string> rules)
    {
        var options = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
        foreach (var analyzer in analyzers)
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                options[descriptor.Id] = rules.Contains(descriptor.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }
        }

        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(options.ToImmutable()));
    }

    /// <summary>
    /// The analyzers a default <c>dotnet build</c> of an ASP.NET Core app already runs, from the installed .NET SDK: the
    /// .NET code-quality analyzers (NetAnalyzers, rules in their enabled-by-default state, as the SDK's default analysis
    /// mode leaves them) and the ASP.NET Core analyzers of the targeting pack. Source generators are left out: analyzer
    /// passes do not run them.
    /// </summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, string Source) LoadSdkDefaults()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdk = NewestVersionFolder(Path.Combine(root, "sdk"), d => File.Exists(Path.Combine(d, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll")));
        var aspNet = NewestVersionFolder(Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref"), _ => true);
        var dlls = new List<string>();
        if (sdk is not null)
        {
            var folder = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
            dlls.Add(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"));
            dlls.Add(Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"));
        }

        if (aspNet is not null)
        {
            var folder = Path.Combine(aspNet, "analyzers", "dotnet", "cs");
            dlls.Add(Path.Combine(folder, "Microsoft.AspNetCore.App.Analyzers.dll"));
            dlls.Add(Path.Combine(folder, "Microsoft.AspNetCore.Components.Analyzers.dll"));
        }

        var loader = new Loader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var loaded = new List<string>();
        foreach (var dll in dlls.Where(File.Exists))
        {
            try
            {
                var found = new AnalyzerFileReference(dll, loader).GetAnalyzers(LanguageNames.CSharp);
                analyzers.AddRange(found);
                loaded.Add($"{Path.GetFileNameWithoutExtension(dll)} ({found.Length})");
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or ReflectionTypeLoadException or FileNotFoundException)
            {
                Console.Error.WriteLine($"SDK analyzers: {dll} did not load ({exception.GetType().Name}); left out.");
            }
        }

        return (analyzers.ToImmutable(), string.Join(", ", loaded) + (sdk is null ? "" : $" from SDK {Path.GetFileName(sdk)}") + (aspNet is null ? "" : $" and ASP.NET Core pack {Path.GetFileName(aspNet)}"));
    }

    /// <summary>The subfolder with the highest version number for a name (<c>10.0.401</c>, <c>10.0.12</c>) that passes <paramref name="accept"/>.</summary>
    private static string? NewestVersionFolder(string parent, Func<string, bool> accept)
        => Directory.Exists(parent)
            ? Directory.GetDirectories(parent).Where(accept)
                .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).LastOrDefault()
            : null;

    /// <summary>
    /// Another build of our own analyzers (an earlier commit's <c>Readiness.Analyzers.dll</c>), in its own load context so
    /// it can sit beside the current one, for a before/after comparison in one run.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadBaseline(string dll)
    {
        var context = new BaselineContext(Path.GetDirectoryName(Path.GetFullPath(dll))!);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(dll));
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    /// <summary>The baseline build's <c>ApplicationModel.Build</c>, or null without a baseline (or one without a model).</summary>
    public static Func<Compilation, AnalyzerOptions, CancellationToken, object>? BaselineModelBuilder(ImmutableArray<DiagnosticAnalyzer> baseline)
    {
        var build = baseline.IsEmpty
            ? null
            : baseline[0].GetType().Assembly.GetType("Readiness.Analyzers.AppModel.ApplicationModel")
                ?.GetMethod("Build", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public, new[] { typeof(Compilation), typeof(AnalyzerOptions), typeof(CancellationToken) });
        return build is null ? null : (compilation, options, cancellationToken) => build.Invoke(null, new object[] { compilation, options, cancellationToken })!;
    }

    private sealed class BaselineContext(string directory) : System.Runtime.Loader.AssemblyLoadContext("baseline")
    {
        // Roslyn and the framework come from the default context; only the baseline's own assemblies load here.
        protected override Assembly? Load(AssemblyName name)
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return name.Name!.StartsWith("Readiness.", StringComparison.Ordinal) && File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
