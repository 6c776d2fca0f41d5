using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs analyzers over a real <see cref="CSharpCompilation"/> the way a host does: a whole build, or one open document
/// as the IDE does (<see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, TextSpan?, CancellationToken)"/>).
/// Analyzer exceptions (AD0001) are collected, never swallowed.
/// </summary>
public sealed class CompilationRunner
{
    private readonly List<(string Path, string Text)> _sources = new();
    private readonly List<(string Path, string Text)> _additionalFiles = new();
    private readonly Dictionary<string, string> _globalOptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _treeOptions = new(StringComparer.Ordinal);
    private readonly List<MetadataReference> _projectReferences = new();
    private TestProjectKind _kind = TestProjectKind.Web;
    private bool _implicitUsings;
    private string _name = "TestProject";

    public List<Exception> AnalyzerExceptions { get; } = new();

    public CompilationRunner As(TestProjectKind kind)
    {
        _kind = kind;
        return this;
    }

    /// <summary>The assembly name (each project of a solution needs its own).</summary>
    public CompilationRunner Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>
    /// References another project of the solution with the package's source generators run on it: as the IDE does (its
    /// compilation, generated code included) or as a build does (its reference assembly, emitted metadata-only).
    /// </summary>
    /// <remarks>With <paramref name="withPackage"/> false, the referenced project does not use the package: no generator runs.</remarks>
    public CompilationRunner WithProjectReference(CompilationRunner project, ReferenceStyle style = ReferenceStyle.Build, bool withPackage = true)
    {
        _projectReferences.Add(project.CreateReference(style, withPackage));
        return this;
    }

    /// <summary>This project as another project references it, after the package's generators ran on it.</summary>
    public MetadataReference CreateReference(ReferenceStyle style, bool withPackage = true)
    {
        var compilation = withPackage ? GeneratedCompilation() : CreateCompilation();
        if (style == ReferenceStyle.Ide)
        {
            return compilation.ToMetadataReference();
        }

        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true));
        if (!result.Success)
        {
            throw new InvalidOperationException("the referenced project does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>The compilation after the package's source generators, as a build compiles it.</summary>
    public Compilation GeneratedCompilation()
    {
        var driver = CSharpGeneratorDriver.Create(
            new ISourceGenerator[] { new Readiness.Analyzers.AppModel.Facts.StartupFactsGenerator().AsSourceGenerator() },
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: CreateOptions().AnalyzerConfigOptionsProvider);
        driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out var diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("the generator failed: " + string.Join("; ", diagnostics));
        }

        return output;
    }

    public CompilationRunner WithImplicitUsings()
    {
        _implicitUsings = true;
        return this;
    }

    public CompilationRunner WithSource(string path, string text)
    {
        _sources.Add((path, text));
        return this;
    }

    public CompilationRunner WithAdditionalFile(string path, string text)
    {
        _additionalFiles.Add((path, text));
        return this;
    }

    public CompilationRunner WithGlobalOption(string key, string value)
    {
        _globalOptions[key] = value;
        return this;
    }

    public CompilationRunner WithOption(string key, string value)
    {
        _treeOptions[key] = value;
        return this;
    }

    public CSharpCompilation CreateCompilation()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = _sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), parseOptions, s.Path)).ToList();
        if (_implicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsingsSource.For(_kind), parseOptions, "GlobalUsings.g.cs"));
        }

        var hasTopLevel = trees.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any()
            || t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .Any(m => m.Identifier.ValueText == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword)));
        var outputKind = hasTopLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create(
            _name,
            trees,
            TestReferences.All.AddRange(_projectReferences),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    public AnalyzerOptions CreateOptions()
    {
        var global = new Dictionary<string, string>(_globalOptions, StringComparer.Ordinal);
        switch (_kind)
        {
            case TestProjectKind.Web:
                global["build_property.UsingMicrosoftNETSdkWeb"] = "true";
                global["build_property.OutputType"] = "Exe";
                break;
            case TestProjectKind.Worker:
                global["build_property.UsingMicrosoftNETSdkWorker"] = "true";
                global["build_property.OutputType"] = "Exe";
                break;
            case TestProjectKind.Console:
                global["build_property.OutputType"] = "Exe";
                break;
            case TestProjectKind.Library:
                global["build_property.OutputType"] = "Library";
                break;
            case TestProjectKind.Test:
                global["build_property.IsTestProject"] = "true";
                break;
        }

        var additional = _additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        return new AnalyzerOptions(additional, new DictionaryOptionsProvider(global, _treeOptions));
    }

    /// <summary>All diagnostics of the analyzers over the whole compilation, as a build reports them.</summary>
    public async Task<ImmutableArray<Diagnostic>> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var withAnalyzers = Attach(CreateCompilation(), analyzers);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    /// <summary>The diagnostics the IDE shows for one open document: semantic analysis of that document only.</summary>
    public async Task<ImmutableArray<Diagnostic>> RunOnDocumentAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, string path, CancellationToken cancellationToken = default)
    {
        var compilation = CreateCompilation();
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var withAnalyzers = Attach(compilation, analyzers);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellationToken);
        var syntactic = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken);
        return semantic.AddRange(syntactic);
    }

    private CompilationWithAnalyzers Attach(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                CreateOptions(),
                (exception, analyzer, diagnostic) =>
                {
                    lock (AnalyzerExceptions)
                    {
                        AnalyzerExceptions.Add(new InvalidOperationException($"{analyzer.GetType().Name} threw: {diagnostic.GetMessage()}", exception));
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    private sealed class DictionaryOptionsProvider(Dictionary<string, string> global, Dictionary<string, string> perTree) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global = new(global);
        private readonly DictionaryOptions _perTree = new(perTree.Concat(global.Where(g => !perTree.ContainsKey(g.Key))).ToDictionary(p => p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perTree;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _perTree;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => values.TryGetValue(key, out value);
    }
}
