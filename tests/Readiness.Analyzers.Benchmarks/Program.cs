using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Benchmarks;

// Readiness.Analyzers benchmark: our analyzers against the compiler and the peers' comparable rules, side by side,
// on the same generated code base, in one run. Times are analyzer execution times from Roslyn's telemetry, medians of
// the repeats after a warm-up.
var quick = args.Contains("--quick");
var noPeers = args.Contains("--no-peers");
var each = args.Contains("--each");
var noSdk = args.Contains("--no-sdk");
var noMemory = args.Contains("--no-memory");
var noLibraries = args.Contains("--no-libraries");
var sizes = quick ? new[] { 20, 100 } : new[] { 50, 500, 5000 };
var repeats = quick ? 1 : 3;
// Edits per document for the IDE edit measure; successive edits for the retained-memory measure (sampled ten times).
var timedEdits = quick ? 10 : 20;
var memoryEdits = quick ? 100 : 1000;
string? only = null;
string? baselinePath = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--sizes")
    {
        sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    }
    else if (args[i] == "--only")
    {
        only = args[i + 1];
    }
    else if (args[i] == "--baseline")
    {
        baselinePath = args[i + 1];
    }
    else if (args[i] == "--repeat")
    {
        repeats = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--edits")
    {
        memoryEdits = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

// --only names some of ours (comma-separated); the baseline build's analyzers of those names are measured beside them.
var onlyNames = only?.Split(',').ToHashSet(StringComparer.Ordinal);
bool Selected(Type analyzer) => onlyNames is null || onlyNames.Contains(analyzer.Name);

var baseDirectory = AppContext.BaseDirectory;
var references = File.ReadAllLines(Path.Combine(baseDirectory, "benchrefs.txt"))
    .Where(File.Exists).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
var peers = File.ReadAllLines(Path.Combine(baseDirectory, "peers.txt"))
    .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

var ours = typeof(Readiness.Analyzers.RuleIds).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .OrderBy(t => t.FullName, StringComparer.Ordinal)
    .Where(Selected)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var (sonar, sonarRules) = PeerAnalyzers.Load("SonarAnalyzer.CSharp 8.33.0.40503", peers["sonar"], PeerAnalyzers.SonarRules);
var (scs, scsRules) = PeerAnalyzers.Load("Security Code Scan 5.6.7", peers["scs"], PeerAnalyzers.ScsRules);
var baseline = baselinePath is null
    ? ImmutableArray<DiagnosticAnalyzer>.Empty
    : PeerAnalyzers.LoadBaseline(baselinePath).Where(a => Selected(a.GetType())).ToImmutableArray();
var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, ProjectOptions.WebApp());
var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer());
var (sdkDefaults, sdkSource) = noSdk ? (ImmutableArray<DiagnosticAnalyzer>.Empty, "") : PeerAnalyzers.LoadSdkDefaults();
if (!sdkDefaults.IsEmpty)
{
    Console.WriteLine($"a default build's analyzers: {sdkDefaults.Length} — {sdkSource}");
}

if (!baseline.IsEmpty)
{
    Console.WriteLine($"baseline: {baseline.Length} analyzers from {baselinePath}");
}

Console.WriteLine($"Readiness.Analyzers benchmark — {ours.Length} analyzers of ours, {sonar.Length} comparable Sonar analyzers, {scs.Length} comparable SCS analyzers");
Console.WriteLine($"sizes (files): {string.Join(", ", sizes)}; repeats: {repeats} (+1 warm-up); {Environment.ProcessorCount} cores; .NET {Environment.Version}");
Console.WriteLine();

var results = new List<SizeResult>();
foreach (var size in sizes)
{
    var files = new CodeBaseGenerator(seed: 20261128).Generate(size);
    var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/gen/" + f.Path)).ToImmutableArray();
    var lines = files.Sum(f => f.Text.Count(c => c == '\n'));
    CSharpCompilation NewCompilation() => CSharpCompilation.Create(
        "Generated", trees, references,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));

    var errors = NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    if (errors.Count > 0)
    {
        Console.WriteLine($"warning: the generated code base has {errors.Count} compiler errors, e.g. {errors[0]}");
    }

    // Wall clock and CPU time (all threads of this process), so a busy machine shows in wall clock but hardly in CPU time.
    var compiler = Timed(repeats, () =>
    {
        using var stream = new MemoryStream();
        NewCompilation().Emit(stream);
    });

    // The compiler's own diagnostics pass; the same pass with an analyzer that does nothing attached (the analyzer
    // driver's own cost, which any analyzer package, the SDK's included, brings); and with all of ours attached.
    var diagnosticsOnly = Timed(repeats, () => NewCompilation().GetDiagnostics());
    // Floor and ours measured in turns, and the median of the paired differences reported: the machine's drift between
    // one pass and the next cancels out instead of landing in the difference.
    // With a baseline build, it takes its turn in the same rotation: floor, ours, baseline.
    var rotation = new List<Action> { () => Pass(NewCompilation(), floor, options), () => Pass(NewCompilation(), ours, options) };
    if (!baseline.IsEmpty)
    {
        rotation.Add(() => Pass(NewCompilation(), baseline, options));
    }

    // The peers' comparable rules in the same turns: what each adds to a build, binding and all.
    var peerTurns = !noPeers && !sonar.IsEmpty && !scs.IsEmpty;
    if (peerTurns)
    {
        rotation.Add(() => Pass(PeerAnalyzers.WithOnly(NewCompilation(), sonar, sonarRules), sonar, options));
        rotation.Add(() => Pass(PeerAnalyzers.WithOnly(NewCompilation(), scs, scsRules), scs, options));
    }

    var (rotated, overFloor) = Rotated(repeats, rotation.ToArray());
    var peerIndex = baseline.IsEmpty ? 2 : 3;
    var (sonarOverFloor, scsOverFloor) = peerTurns ? (overFloor[peerIndex], overFloor[peerIndex + 1]) : (double.NaN, double.NaN);
    var (withNothing, withOurs, oursOverFloor) = (rotated[0], rotated[1], overFloor[1]);

    // What a user sees: the analyzers a default build of a web app already runs, without and with ours added.
    Sample? withSdk = null, withSdkAndOurs = null;
    var oursOverSdk = 0.0;
    var oursBesideSdk = double.NaN;
    if (!sdkDefaults.IsEmpty)
    {
        var sdkAndOurs = sdkDefaults.AddRange(ours);
        var (sdkSamples, sdkDifferences) = Rotated(
            repeats,
            () => Pass(NewCompilation(), sdkDefaults, options),
            () => Pass(NewCompilation(), sdkAndOurs, options));
        (withSdk, withSdkAndOurs, oursOverSdk) = (sdkSamples[0], sdkSamples[1], sdkDifferences[1]);

        // The same on one thread, by telemetry: the time in our callbacks when the default build's analyzers run beside
        // them on the same compilation. The driver's semantic model is shared, so a method body its operation analyzers
        // have bound is not bound again for ours (and a method ours bind first is charged to ours).
        var beside = MeasureAnalyzers(NewCompilation, sdkAndOurs, options, repeats, concurrent: false);
        oursBesideSdk = ours.Sum(a => beside.TryGetValue(a.GetType().Name, out var ms) ? ms : 0);
    }

    // All of ours on one thread: the time in our callbacks, the binding they cause included, without the waits on
    // another thread's lock that concurrent telemetry counts.
    // Its passes' garbage-collection pauses too: a pause lands in whichever callback is running, and grows with the heap.
    var oursPasses = new List<PassGc>();
    var oursSequential = MeasureAnalyzers(NewCompilation, ours, options, repeats, concurrent: false, oursPasses);
    Sample? withBaseline = null;
    var baselineOverFloor = 0.0;
    var baselineTimes = new Dictionary<string, double>();
    if (!baseline.IsEmpty)
    {
        // Before and after in one run: the baseline build's analyzers on the same compilations.
        withBaseline = rotated[2];
        baselineOverFloor = overFloor[2];
        baselineTimes = MeasureAnalyzers(NewCompilation, baseline, options, repeats, concurrent: false);
    }


    // Each analyzer alone: the CPU it adds over the driver floor, including the driver work it causes (IOperation
    // trees, semantic models) that the execution-time telemetry does not attribute to it.
    var marginal = new Dictionary<string, double>();
    if (each)
    {
        foreach (var analyzer in ours)
        {
            // Floor and analyzer measured in turns, the median of the differences: the machine's drift cancels out.
            var alone = ImmutableArray.Create(analyzer);
            marginal[analyzer.GetType().Name] = Rotated(repeats, () => Pass(NewCompilation(), floor, options), () => Pass(NewCompilation(), alone, options)).CpuOverFirst[1];
        }
    }

    var ourTimes = MeasureAnalyzers(NewCompilation, ours, options, repeats);
    // The peers on one thread too, fastest run: the same measure as ours. (Their operation actions make the driver bind
    // outside their callbacks, which their telemetry does not show; the CPU over the floor above shows it.)
    var sonarTimes = sonar.IsEmpty || noPeers ? new Dictionary<string, double>() : MeasureAnalyzers(() => (CSharpCompilation)PeerAnalyzers.WithOnly(NewCompilation(), sonar, sonarRules), sonar, options, repeats, concurrent: false);
    var scsTimes = scs.IsEmpty || noPeers ? new Dictionary<string, double>() : MeasureAnalyzers(() => (CSharpCompilation)PeerAnalyzers.WithOnly(NewCompilation(), scs, scsRules), scs, options, repeats, concurrent: false);

    // The application model on a compilation the compiler has already bound (as in a build): this build's, then the
    // baseline's on fresh compilations of the same code.
    double ModelMs(Func<Compilation, AnalyzerOptions, CancellationToken, object> build) => Median(repeats, () =>
    {
        var compilation = NewCompilation();
        compilation.GetDiagnostics();
        var watch = Stopwatch.StartNew();
        build(compilation, options, CancellationToken.None);
        return watch.Elapsed.TotalMilliseconds;
    });

    var model = ModelMs(ApplicationModel.Build);
    var baselineModel = PeerAnalyzers.BaselineModelBuilder(baseline) is { } baselineBuild ? ModelMs(baselineBuild) : double.NaN;

    // What the first semantic question about Program.cs costs whoever asks it (the compiler binds it again for its own
    // use): its top-level statements bound as one method, nullable analysis included, and their operation tree.
    var programBinding = Median(repeats, () =>
    {
        var compilation = NewCompilation();
        compilation.GetDiagnostics();
        var program = ProgramTree(compilation);
        var statement = program.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().First().Statement;
        var semanticModel = compilation.GetSemanticModel(program);
        var watch = Stopwatch.StartNew();
        semanticModel.GetOperation(statement);
        return watch.Elapsed.TotalMilliseconds;
    });

    // The IDE's path for the open Program.cs on a fresh compilation: first the compiler's own diagnostics for the document
    // (the IDE shows them whatever analyzers are installed), then the analyzers on the same compilation, one thread, with
    // telemetry — ours (the last run also says which of ours the time goes to), and a do-nothing analyzer for the floor.
    (double CompilerMs, double AnalyzersMs, CompilationWithAnalyzers Run) IdePath(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = NewCompilation().WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var semanticModel = withAnalyzers.Compilation.GetSemanticModel(ProgramTree(withAnalyzers.Compilation));
        var watch = Stopwatch.StartNew();
        semanticModel.GetDiagnostics();
        var compilerMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel, null, CancellationToken.None).GetAwaiter().GetResult();
        return (compilerMs, watch.Elapsed.TotalMilliseconds, withAnalyzers);
    }

    var ideCompilerRuns = new List<double>();
    var ideOursRuns = new List<double>();
    var ideByAnalyzer = new Dictionary<string, double>();
    for (var run = 0; run <= repeats; run++)
    {
        var (compilerMs, oursMs, withAnalyzers) = IdePath(ours);
        if (run > 0 || repeats == 0)
        {
            ideCompilerRuns.Add(compilerMs);
            ideOursRuns.Add(oursMs);
            foreach (var analyzer in ours)
            {
                ideByAnalyzer[analyzer.GetType().Name] = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
            }
        }
    }

    var ide = MedianOf(ideOursRuns);
    var ideFloor = Median(repeats, () => IdePath(floor).AnalyzersMs);

    // The IDE after an edit: one document's tree replaced in the previous compilation, the edited document analysed, ours
    // against the do-nothing floor on the same compilations (IdeEdits).
    var solutionWatch = Stopwatch.StartNew();
    var editProgram = IdeEdits.Measure(NewCompilation(), IdeEdits.Target.Program, timedEdits, floor, ours, options);
    var editController = IdeEdits.Measure(NewCompilation(), IdeEdits.Target.Controller, timedEdits, floor, ours, options);

    // The same edits with the --baseline build in place of ours, in the same run.
    var baselineEditProgram = baseline.IsEmpty ? null : IdeEdits.Measure(NewCompilation(), IdeEdits.Target.Program, timedEdits, floor, baseline, options);
    var baselineEditController = baseline.IsEmpty ? null : IdeEdits.Measure(NewCompilation(), IdeEdits.Target.Controller, timedEdits, floor, baseline, options);

    // The same edits in a real IDE, where a default web build's analyzers run on the edited document too: they bind its
    // method bodies, the driver shares that binding, and what ours add is measured over them (floor: the SDK's analyzers).
    var sdkAndOursForEdits = sdkDefaults.AddRange(ours);
    var besideSdkEditProgram = sdkDefaults.IsEmpty ? null : IdeEdits.Measure(NewCompilation(), IdeEdits.Target.Program, timedEdits, sdkDefaults, sdkAndOursForEdits, options);
    var besideSdkEditController = sdkDefaults.IsEmpty ? null : IdeEdits.Measure(NewCompilation(), IdeEdits.Target.Controller, timedEdits, sdkDefaults, sdkAndOursForEdits, options);

    // What stays alive over many edits when only the newest compilation is kept: the floor first (so nothing ours left
    // behind is in its figures), then ours.
    double[] memoryFloor = [], memoryOurs = [];
    if (!noMemory && memoryEdits >= 10)
    {
        memoryFloor = IdeEdits.RetainedMegabytes(NewCompilation, floor, options, memoryEdits, memoryEdits / 10);
        memoryOurs = IdeEdits.RetainedMegabytes(NewCompilation, ours, options, memoryEdits, memoryEdits / 10);
    }

    // A solution around the web app: class libraries (OutputType=Library) with services, repositories, a DbContext and a
    // registration extension, and a small web project that calls those extensions. The claim to check: the absence rules
    // and the application model have nothing to do in a library, so what ours add there is what the per-operation rules cost.
    var libraries = new List<ProjectResult>();
    ProjectResult? webWithLibraries = null;
    if (!noLibraries)
    {
        var libraryOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, ProjectOptions.Library());
        // Small projects, so a few more turns than the main measure (a smoke run keeps one).
        var turns = quick ? repeats : Math.Max(3, repeats);
        var images = new List<MetadataReference>();
        var roles = new List<(string Root, string Extension)> { ("Contoso.Infrastructure", "AddInfrastructure"), ("Contoso.Billing", "AddBilling") };
        for (var k = 0; k < roles.Count; k++)
        {
            var libraryFiles = new CodeBaseGenerator(seed: 20261203 + k).GenerateLibrary(Math.Max(10, size / roles.Count), roles[k].Root, roles[k].Extension, identity: k == 0);
            var libraryTrees = libraryFiles.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, $"/{roles[k].Root}/{f.Path}")).ToImmutableArray();
            var name = roles[k].Root;
            CSharpCompilation NewLibrary() => CSharpCompilation.Create(
                name, libraryTrees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
            var (library, image) = MeasureProject(name, libraryFiles.Count, NewLibrary, libraryOptions, turns);
            libraries.Add(library);
            images.Add(image);
        }

        var webFiles = new CodeBaseGenerator(seed: 20261128).GenerateWebProject(20, roles);
        var webTrees = webFiles.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, "/Contoso.Web/" + f.Path)).ToImmutableArray();
        var webReferences = references.AddRange(images);
        CSharpCompilation NewWeb() => CSharpCompilation.Create(
            "Contoso.Web", webTrees, webReferences,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
        webWithLibraries = MeasureProject("Contoso.Web", webFiles.Count, NewWeb, options, turns).Result;
    }

    // One project of the solution: ours against the floor in turns (CPU over the floor) and ours on one thread
    // (telemetry, fastest run); and the project's emitted image, for the projects that reference it.
    (ProjectResult Result, MetadataReference Image) MeasureProject(string name, int fileCount, Func<CSharpCompilation> newProject, AnalyzerOptions projectOptions, int turns)
    {
        // The package's source generator records the project's start-up facts; the image the other projects reference
        // carries them, as a build's reference assembly does. Its cost beside the compiler's, both on a fresh compilation
        // whose references are loaded (the compilation a generator hands on shares them with the compiler).
        var generator = new Readiness.Analyzers.AppModel.Facts.StartupFactsGenerator().AsSourceGenerator();
        Compilation Generated(out double generatorMs)
        {
            var driver = CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: parseOptions, optionsProvider: projectOptions.AnalyzerConfigOptionsProvider);
            var fresh = newProject();
            // The referenced assemblies' symbols, which the compilation the generator hands on shares with the compiler.
            _ = fresh.SourceModule.ReferencedAssemblySymbols;
            var watch = Stopwatch.StartNew();
            driver.RunGeneratorsAndUpdateCompilation(fresh, out var output, out _);
            generatorMs = watch.Elapsed.TotalMilliseconds;
            return output;
        }

        Generated(out _);
        var generatorTimes = new List<double>();
        var emitTimes = new List<double>();
        for (var turn = 0; turn < turns; turn++)
        {
            Generated(out var generatorMs);
            generatorTimes.Add(generatorMs);
            var compilation = newProject();
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            var watch = Stopwatch.StartNew();
            compilation.Emit(Stream.Null);
            emitTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        using var image = new MemoryStream();
        var emitted = Generated(out _).Emit(image);
        var projectErrors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (projectErrors.Count > 0)
        {
            Console.WriteLine($"warning: the generated project {name} has {projectErrors.Count} compiler errors, e.g. {projectErrors[0]}");
        }

        var (samples, overFloor) = Rotated(turns, () => Pass(newProject(), floor, projectOptions), () => Pass(newProject(), ours, projectOptions));
        var passes = new List<PassGc>();
        var oneThread = MeasureAnalyzers(newProject, ours, projectOptions, turns, concurrent: false, passes);

        // What the application model costs there, built on a compilation the compiler has bound (charged, in the passes
        // above, to the first of ours that asks for it).
        var projectModel = Median(turns, () =>
        {
            var compilation = newProject();
            compilation.GetDiagnostics();
            var watch = Stopwatch.StartNew();
            ApplicationModel.Build(compilation, projectOptions, CancellationToken.None);
            return watch.Elapsed.TotalMilliseconds;
        });
        var result = new ProjectResult(name, fileCount, samples[0], overFloor[1], oneThread)
        {
            ModelMs = projectModel,
            GeneratorMs = generatorTimes.OrderBy(t => t).ElementAt(generatorTimes.Count / 2),
            EmitMs = emitTimes.OrderBy(t => t).ElementAt(emitTimes.Count / 2),
            OursPassGc = passes.OrderBy(p => p.WallMs).ElementAt(passes.Count / 2),
        };
        return (result, MetadataReference.CreateFromImage(image.ToArray()));
    }

    results.Add(new SizeResult(size, lines, compiler, ourTimes, sonarTimes, scsTimes, model, ide, diagnosticsOnly, withNothing, withOurs, marginal, withBaseline, baselineTimes)
    {
        OursOverFloorCpu = oursOverFloor,
        BaselineOverFloorCpu = baselineOverFloor,
        SonarOverFloorCpu = sonarOverFloor,
        ScsOverFloorCpu = scsOverFloor,
        DiagnosticsWithSdk = withSdk,
        DiagnosticsWithSdkAndOurs = withSdkAndOurs,
        OursOverSdkCpu = oursOverSdk,
        OursBesideSdkMs = oursBesideSdk,
        OursSequential = oursSequential,
        OursPassGc = oursPasses.OrderBy(p => p.WallMs).ElementAt(oursPasses.Count / 2),
        ProgramBindingMs = programBinding,
        BaselineModelMs = baselineModel,
        IdeCompilerMs = MedianOf(ideCompilerRuns),
        IdeByAnalyzer = ideByAnalyzer,
        IdeFloorMs = ideFloor,
        IdeEditProgram = editProgram,
        IdeEditController = editController,
        BaselineIdeEditProgram = baselineEditProgram,
        BaselineIdeEditController = baselineEditController,
        BesideSdkIdeEditProgram = besideSdkEditProgram,
        BesideSdkIdeEditController = besideSdkEditController,
        MemoryEdits = memoryEdits,
        MemoryFloorMb = memoryFloor,
        MemoryOursMb = memoryOurs,
        Libraries = libraries,
        WebWithLibraries = webWithLibraries,
    });
    Console.WriteLine($"measured {size} files: IDE edits, retained memory over {(memoryFloor.Length == 0 ? 0 : memoryEdits)} edits and the solution's projects in {solutionWatch.Elapsed.TotalSeconds:F0} s");
    Console.WriteLine($"measured {size} files ({lines:N0} lines): compiler {compiler.WallMs:F0} ms ({compiler.CpuMs:F0} ms CPU), ours {oursSequential.Values.Sum():F0} ms on one thread, Sonar {sonarTimes.Values.Sum():F0} ms, SCS {scsTimes.Values.Sum():F0} ms");
}

Console.WriteLine();
Report.Print(results, ours);
return 0;

static Dictionary<string, double> MeasureAnalyzers(Func<CSharpCompilation> newCompilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, int repeats, bool concurrent = true, List<PassGc>? passes = null)
{
    var samples = new Dictionary<string, List<double>>();
    for (var run = 0; run <= repeats; run++)
    {
        var compilation = newCompilation();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var (pauses, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var watch = Stopwatch.StartNew();
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (run == 0)
        {
            continue; // warm-up
        }

        passes?.Add(new PassGc(watch.Elapsed.TotalMilliseconds, (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds, GC.CollectionCount(2) - gen2));

        foreach (var analyzer in analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            var name = analyzer.GetType().Name;
            if (!samples.TryGetValue(name, out var list))
            {
                samples[name] = list = new List<double>();
            }

            list.Add(telemetry.ExecutionTime.TotalMilliseconds);
        }
    }

    // One thread: the fastest run (a garbage collection landing in a callback only ever adds time); concurrent: the median.
    return samples.ToDictionary(p => p.Key, p => concurrent ? MedianOf(p.Value) : p.Value.Min());
}

// repeats measured runs after one warm-up; repeats 0: one run, no warm-up.
static Sample Timed(int repeats, Action run)
{
    var samples = new List<Sample>();
    var warmUp = repeats > 0 ? 1 : 0;
    for (var i = 0; i < repeats + warmUp + (repeats == 0 ? 1 : 0); i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        process.Refresh();
        if (i >= warmUp)
        {
            samples.Add(new Sample(watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
    }

    return MedianSample(samples);
}

// The generated code base's Program.cs.
static SyntaxTree ProgramTree(Compilation compilation)
    => compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("/Program.cs", StringComparison.Ordinal));

// One analysis pass (compiler diagnostics and the analyzers') over a fresh compilation.
static void Pass(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    => compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

// Variants in turns, after one warm-up of each: their medians and, for each, the median of its CPU difference from the
// first variant in the same turn (so the machine's drift between turns cancels out).
static (Sample[] Samples, double[] CpuOverFirst) Rotated(int repeats, params Action[] variants)
{
    var samples = variants.Select(_ => new List<Sample>()).ToArray();
    var differences = variants.Select(_ => new List<double>()).ToArray();
    for (var turn = 0; turn <= Math.Max(1, repeats); turn++)
    {
        var measured = variants.Select(v => Timed(0, v)).ToArray();
        if (turn == 0)
        {
            continue; // warm-up
        }

        for (var i = 0; i < variants.Length; i++)
        {
            samples[i].Add(measured[i]);
            differences[i].Add(measured[i].CpuMs - measured[0].CpuMs);
        }
    }

    return (samples.Select(MedianSample).ToArray(), differences.Select(MedianOf).ToArray());
}

static Sample MedianSample(List<Sample> samples)
    => new(MedianOf(samples.Select(s => s.WallMs).ToList()), MedianOf(samples.Select(s => s.CpuMs).ToList()));

static double Median(int repeats, Func<double> measure)
{
    measure(); // warm-up
    var values = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        values.Add(measure());
    }

    return MedianOf(values);
}

static double MedianOf(List<double> values)
{
    values.Sort();
    return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
}

/// <summary>Median wall-clock and CPU milliseconds of one measured step.</summary>
internal readonly record struct Sample(double WallMs, double CpuMs);

/// <summary>One project of the generated solution: files, the floor's pass, ours over the floor (ms CPU), ours on one thread per analyzer (ms).</summary>
internal sealed record ProjectResult(string Name, int Files, Sample Floor, double OursOverFloorCpu, Dictionary<string, double> OursSequential)
{
    /// <summary>The application model of the project, built once on a bound compilation, ms.</summary>
    public double ModelMs { get; init; }

    /// <summary>The package's start-up facts generator on a fresh compilation of the project, ms (median of the turns).</summary>
    public double GeneratorMs { get; init; }

    /// <summary>The compiler alone on a fresh compilation of the project, emit to memory, ms (median of the same turns).</summary>
    public double EmitMs { get; init; }

    /// <summary>The median one-thread pass of ours (by wall clock) and its garbage-collection pauses.</summary>
    public PassGc OursPassGc { get; init; }
}

/// <summary>One analysis pass: its wall clock, the garbage-collection pauses within it, and its full (gen 2) collections.</summary>
internal readonly record struct PassGc(double WallMs, double PauseMs, int Gen2Collections);

internal sealed record SizeResult(
    int Files,
    int Lines,
    Sample Compiler,
    Dictionary<string, double> Ours,
    Dictionary<string, double> Sonar,
    Dictionary<string, double> Scs,
    double ModelMs,
    double IdeProgramMs,
    Sample DiagnosticsOnly,
    Sample DiagnosticsWithNothing,
    Sample DiagnosticsWithOurs,
    Dictionary<string, double> MarginalCpu,
    Sample? DiagnosticsWithBaseline,
    Dictionary<string, double> Baseline)
{
    public double CompilerMs => Compiler.WallMs;

    /// <summary>Median of the paired differences, the peers' comparable rules minus the driver floor, ms CPU (NaN: not measured).</summary>
    public double SonarOverFloorCpu { get; init; } = double.NaN;

    public double ScsOverFloorCpu { get; init; } = double.NaN;

    /// <summary>Median of the paired differences, the baseline build minus the driver floor, ms CPU.</summary>
    public double BaselineOverFloorCpu { get; init; }

    /// <summary>The compiler's own diagnostics for the open Program.cs on a fresh compilation (before any analyzer), ms.</summary>
    public double IdeCompilerMs { get; init; }

    /// <summary>A do-nothing analyzer on the IDE path for Program.cs, after the compiler's diagnostics, ms.</summary>
    public double IdeFloorMs { get; init; }

    /// <summary>Each of ours on the IDE path for Program.cs (telemetry of the last run), ms.</summary>
    public Dictionary<string, double> IdeByAnalyzer { get; init; } = new();

    /// <summary>The baseline build's application model, ms (NaN: no baseline).</summary>
    public double BaselineModelMs { get; init; } = double.NaN;

    /// <summary>Median of the paired differences, ours minus the driver floor, ms CPU.</summary>
    public double OursOverFloorCpu { get; init; }

    public Sample? DiagnosticsWithSdk { get; init; }

    public Sample? DiagnosticsWithSdkAndOurs { get; init; }

    /// <summary>Median of the paired differences, a default build's analyzers with ours minus without, ms CPU.</summary>
    public double OursOverSdkCpu { get; init; }

    /// <summary>Summed one-thread telemetry of ours when a default build's analyzers run beside them, ms (NaN when not measured).</summary>
    public double OursBesideSdkMs { get; init; } = double.NaN;

    /// <summary>Binding Program.cs's top-level statements and building their operation tree, once, ms.</summary>
    public double ProgramBindingMs { get; init; }

    /// <summary>Telemetry of ours run on one thread (no lock waits counted), ms per analyzer.</summary>
    public Dictionary<string, double> OursSequential { get; init; } = new();

    /// <summary>The median one-thread pass of ours (by wall clock) and its garbage-collection pauses.</summary>
    public PassGc OursPassGc { get; init; }

    /// <summary>The IDE after edits of Program.cs: ours against the floor on the edited document.</summary>
    public IdeEdits.EditTiming? IdeEditProgram { get; init; }

    /// <summary>The IDE after edits of a controller: ours against the floor on the edited document.</summary>
    public IdeEdits.EditTiming? IdeEditController { get; init; }

    /// <summary>The same edit measures with the --baseline build (null without one).</summary>
    public IdeEdits.EditTiming? BaselineIdeEditProgram { get; init; }

    /// <summary>The same edit measures with the --baseline build (null without one).</summary>
    public IdeEdits.EditTiming? BaselineIdeEditController { get; init; }

    /// <summary>The same edit measures beside a default web build's analyzers: the SDK's as the floor, the SDK's and ours against it (null with --no-sdk).</summary>
    public IdeEdits.EditTiming? BesideSdkIdeEditProgram { get; init; }

    /// <summary>The same edit measures beside a default web build's analyzers (null with --no-sdk).</summary>
    public IdeEdits.EditTiming? BesideSdkIdeEditController { get; init; }

    /// <summary>Successive edits in the retained-memory measure; the heap is sampled after every tenth of them.</summary>
    public int MemoryEdits { get; init; }

    /// <summary>The managed heap after a full collection, MB, every tenth of the edits, with the floor (empty: not measured).</summary>
    public double[] MemoryFloorMb { get; init; } = [];

    /// <summary>The same with ours attached.</summary>
    public double[] MemoryOursMb { get; init; } = [];

    /// <summary>The class libraries of the generated solution.</summary>
    public List<ProjectResult> Libraries { get; init; } = new();

    /// <summary>The web project that calls the libraries' registration extensions (null: not measured).</summary>
    public ProjectResult? WebWithLibraries { get; init; }
}

// A measuring instrument loaded in-process, never shipped: the analyzer-project rules do not apply.
#pragma warning disable RS1036, RS1041, RS2008

/// <summary>Registers one syntax-node action that does nothing: what attaching any analyzer costs.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(static _ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.ThrowStatement);
    }
}

/// <summary>
/// The project-wide options a project built with the package's props has: its MSBuild properties, which the props make
/// visible to analyzers as <c>build_property.*</c> global options.
/// </summary>
internal sealed class ProjectOptions(Dictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    private readonly Options _global = new(properties);

    /// <summary>A web app's (<c>Microsoft.NET.Sdk.Web</c>, <c>OutputType=Exe</c>).</summary>
    public static ProjectOptions WebApp() => new(new Dictionary<string, string>
    {
        ["build_property.UsingMicrosoftNETSdkWeb"] = "true",
        ["build_property.OutputType"] = "Exe",
    });

    /// <summary>A class library's (<c>Microsoft.NET.Sdk</c>, <c>OutputType=Library</c>).</summary>
    public static ProjectOptions Library() => new(new Dictionary<string, string> { ["build_property.OutputType"] = "Library" });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
#pragma warning restore RS1036, RS1041, RS2008
