using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>
/// The one test helper: an analyzer (and optionally its fix) over markup sources, with a project kind, options,
/// additional files and the offline reference set. Code-fix tests fail when the fixed code does not compile, because
/// compiler errors take part in the comparison (<see cref="CompilerDiagnostics.Errors"/>, never turned off here).
/// </summary>
public class ReadinessTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private readonly List<string> _editorConfig = new();
    private readonly List<string> _globalConfig = new();
    private TestProjectKind _kind = TestProjectKind.Web;
    private bool _implicitUsings;

    public ReadinessTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        CompilerDiagnostics = CompilerDiagnostics.Errors;
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
            return solution.WithProjectParseOptions(projectId, parseOptions);
        });
    }

    /// <summary>Sets the project kind (default: web app).</summary>
    public ReadinessTest<TAnalyzer, TCodeFix> As(TestProjectKind kind)
    {
        _kind = kind;
        return this;
    }

    /// <summary>Adds the global usings the SDK generates with <c>ImplicitUsings</c> (Web SDK set for web apps).</summary>
    public ReadinessTest<TAnalyzer, TCodeFix> WithImplicitUsings()
    {
        _implicitUsings = true;
        return this;
    }

    /// <summary>An <c>.editorconfig</c> key under <c>[*.cs]</c>.</summary>
    public ReadinessTest<TAnalyzer, TCodeFix> WithOption(string key, string value)
    {
        _editorConfig.Add(key + " = " + value);
        return this;
    }

    /// <summary>A <c>.globalconfig</c> key (project-wide options and MSBuild properties as <c>build_property.X</c>).</summary>
    public ReadinessTest<TAnalyzer, TCodeFix> WithGlobalOption(string key, string value)
    {
        _globalConfig.Add(key + " = " + value);
        return this;
    }

    public ReadinessTest<TAnalyzer, TCodeFix> WithAdditionalFile(string path, string content)
    {
        TestState.AdditionalFiles.Add((path, content));
        return this;
    }

    public ReadinessTest<TAnalyzer, TCodeFix> WithSource(string source)
    {
        TestState.Sources.Add(source);
        return this;
    }

    public ReadinessTest<TAnalyzer, TCodeFix> WithFixedSource(string source)
    {
        FixedState.Sources.Add(source);
        FixedState.MarkupHandling = MarkupMode.Allow;
        return this;
    }

    public ReadinessTest<TAnalyzer, TCodeFix> Expect(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        var hasTopLevelStatements = TestState.Sources.Any(s => HasTopLevelStatements(s.content.ToString()));
        TestState.OutputKind = hasTopLevelStatements || _kind is TestProjectKind.Console && TestState.Sources.Any(s => s.content.ToString().Contains("static void Main", StringComparison.Ordinal))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;

        var global = new StringBuilder("is_global = true\n");
        foreach (var line in BuildProperties(_kind))
        {
            global.Append(line).Append('\n');
        }

        foreach (var line in _globalConfig)
        {
            global.Append(line).Append('\n');
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", global.ToString()));
        if (_editorConfig.Count > 0)
        {
            TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", _editorConfig) + "\n"));
        }

        if (_implicitUsings)
        {
            TestState.Sources.Add(("/0/GlobalUsings.g.cs", ImplicitUsingsSource.For(_kind)));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.Sources.Add(("/0/GlobalUsings.g.cs", ImplicitUsingsSource.For(_kind)));
            }
        }

        await base.RunImplAsync(cancellationToken);
    }

    private static IEnumerable<string> BuildProperties(TestProjectKind kind) => kind switch
    {
        TestProjectKind.Web => new[] { "build_property.UsingMicrosoftNETSdkWeb = true", "build_property.OutputType = Exe" },
        TestProjectKind.Worker => new[] { "build_property.UsingMicrosoftNETSdkWorker = true", "build_property.OutputType = Exe" },
        TestProjectKind.Console => new[] { "build_property.OutputType = Exe" },
        TestProjectKind.Library => new[] { "build_property.OutputType = Library" },
        TestProjectKind.Test => new[] { "build_property.IsTestProject = true", "build_property.OutputType = Exe" },
        _ => Array.Empty<string>(),
    };

    private static bool HasTopLevelStatements(string source)
        => CSharpSyntaxTree.ParseText(System.Text.RegularExpressions.Regex.Replace(source, @"\{\|[A-Za-z0-9]+:|\[\||\|\]|\|\}", string.Empty))
            .GetRoot()
            .ChildNodes()
            .OfType<GlobalStatementSyntax>()
            .Any();
}

/// <summary>An analyzer-only test.</summary>
public class ReadinessTest<TAnalyzer> : ReadinessTest<TAnalyzer, EmptyCodeFixProvider>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
}
