using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Samples;

/// <summary>
/// samples/WholeApplication: a web API whose start-up lives in an Aspire-style service-defaults project and an
/// Infrastructure project, done wrong (NotReady) and done right (Ready). Each project compiled in memory as `dotnet build`
/// compiles it — the libraries first, their generators run, the API referencing them.
/// </summary>
[Trait("Rule", "RDY3007")]
[Trait("Rule", "RDY4001")]
[Trait("Rule", "RDY5001")]
public class WholeApplicationSampleTests
{
    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task NotReady_reports_the_whole_application_rules_on_the_calls_into_the_other_projects(ReferenceStyle style)
    {
        var diagnostics = await AnalyzeAsync("NotReady", style);

        Assert.Equal(
            new[] { "Program.cs: RDY3007 app.MapDefaultEndpoints()", "Program.cs: RDY4001 builder.Services.AddInfrastructure()", "Program.cs: RDY5001 WebApplication.CreateBuilder(args)" },
            diagnostics.Select(Describe).OrderBy(d => d, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ReferenceStyle.Build)]
    [InlineData(ReferenceStyle.Ide)]
    public async Task Ready_is_clean(ReferenceStyle style)
    {
        var diagnostics = await AnalyzeAsync("Ready", style);

        Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics));
    }

    /// <summary>Every RDY diagnostic of the three projects.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string variant, ReferenceStyle style)
    {
        var serviceDefaults = Project(variant, "MyShop.ServiceDefaults", TestProjectKind.Library);
        var infrastructure = Project(variant, "MyShop.Infrastructure", TestProjectKind.Library);
        var api = Project(variant, "MyShop.Api", TestProjectKind.Web)
            .WithProjectReference(serviceDefaults, style)
            .WithProjectReference(infrastructure, style);

        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var project in new[] { serviceDefaults, infrastructure, api })
        {
            var errors = project.CreateCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, variant + " does not compile in memory: " + string.Join(Environment.NewLine, errors.Take(5)));
            all.AddRange((await project.RunAsync(Repository.Analyzers)).Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal)));
            Assert.Empty(project.AnalyzerExceptions);
        }

        return all.ToImmutable();
    }

    private static CompilationRunner Project(string variant, string name, TestProjectKind kind)
    {
        var directory = Repository.PathOf("samples", "WholeApplication", variant, name);
        var runner = new CompilationRunner().Named(name).As(kind).WithImplicitUsings();
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file);
            if (!relative.StartsWith("obj", StringComparison.Ordinal) && !relative.StartsWith("bin", StringComparison.Ordinal))
            {
                runner.WithSource(file, File.ReadAllText(file));
            }
        }

        return runner;
    }

    private static string Describe(Diagnostic diagnostic)
        => Path.GetFileName(diagnostic.Location.SourceTree!.FilePath) + ": " + diagnostic.Id + " "
            + diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan);
}
