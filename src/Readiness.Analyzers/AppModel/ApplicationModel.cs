namespace Readiness.Analyzers.AppModel;

/// <summary>
/// "What kind of project is this, and what does its start-up pipeline register?" — computed lazily,
/// at most once per compilation and options, and shared by every analyzer in the package (src/docs/architecture.md).
/// </summary>
public sealed class ApplicationModel
{
    private readonly ImmutableDictionary<string, ImmutableArray<PipelineCall>> _callsByName;
    private readonly ImmutableHashSet<string> _namesOutsideStartup;
    private readonly StartupFeature _delegated;
    private readonly HashSet<string> _importedNames;

    private ApplicationModel(
        ProjectKind kind,
        ProjectKind detectedKind,
        ImmutableArray<PipelineCall> calls,
        ImmutableHashSet<string> namesOutsideStartup,
        ImmutableArray<INamedTypeSymbol> startupTypes)
    {
        _namesOutsideStartup = namesOutsideStartup;
        Kind = kind;
        DetectedKind = detectedKind;
        Calls = calls;
        StartupTypes = startupTypes;
        var byName = new Dictionary<string, ImmutableArray<PipelineCall>.Builder>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            if (!byName.TryGetValue(call.Name, out var list))
            {
                byName[call.Name] = list = ImmutableArray.CreateBuilder<PipelineCall>();
            }

            list.Add(call);
        }

        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<PipelineCall>>(StringComparer.Ordinal);
        foreach (var pair in byName)
        {
            result[pair.Key] = pair.Value.ToImmutable();
        }

        _callsByName = result.ToImmutable();
        var imported = ImmutableArray.CreateBuilder<Facts.ImportedCall>();
        var importedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            _delegated |= call.MayRegister;
            if (call.Facts is { } facts)
            {
                foreach (var fact in facts.Calls)
                {
                    imported.Add(new Facts.ImportedCall(fact, call, facts));
                    importedNames.Add(fact.Name);
                }
            }

            if (call.Target == PipelineTarget.HostCreation)
            {
                HostCreations = HostCreations.Add(call);
            }
        }

        Imported = imported.ToImmutable();
        _importedNames = importedNames;
    }

    /// <summary>The project kind rules act on: the <c>readiness.project_kind</c> option when set, else <see cref="DetectedKind"/>.</summary>
    public ProjectKind Kind { get; }

    /// <summary>The project kind as detected from the compilation and MSBuild properties.</summary>
    public ProjectKind DetectedKind { get; }

    /// <summary>Every bound start-up pipeline call (see <see cref="CallsNamed"/>), in source order per file.</summary>
    public ImmutableArray<PipelineCall> Calls { get; }

    /// <summary>
    /// The start-up calls made inside other projects' start-up methods this app calls, read from the facts those projects
    /// recorded (<see cref="Facts.StartupFacts"/>), each under the guard of the library code and of the call into it.
    /// </summary>
    public ImmutableArray<Facts.ImportedCall> Imported { get; }

    /// <summary>The calls that create the host (<c>WebApplication.CreateBuilder(args)</c> and friends).</summary>
    public ImmutableArray<PipelineCall> HostCreations { get; } = ImmutableArray<PipelineCall>.Empty;

    /// <summary>Classes with <c>ConfigureServices(IServiceCollection)</c> or <c>Configure(IApplicationBuilder…)</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> StartupTypes { get; }

    /// <summary>
    /// True when the start-up pipeline calls extension methods from another, non-framework assembly that may register
    /// anything an absence rule looks for (<see cref="DelegationPolicy"/>).
    /// </summary>
    public bool DelegatesToOtherAssemblies => _delegated != StartupFeature.None;

    /// <summary>
    /// Whether start-up hands <paramref name="feature"/> to code we cannot see: an absence rule about it stays quiet rather
    /// than claim with false confidence that it is missing. One policy for every rule: <see cref="DelegationPolicy"/>.
    /// </summary>
    public bool Delegates(StartupFeature feature) => (_delegated & feature) != 0;

    public bool IsWebApp => Kind == ProjectKind.WebApp;

    public bool IsTestProject => Kind == ProjectKind.TestProject;

    /// <summary>
    /// Where an absence rule reports in <paramref name="tree"/> (src/docs/architecture.md): each host-creating call
    /// (<c>WebApplication.CreateBuilder(args)</c>, <c>Host.CreateDefaultBuilder(args)</c>…) and, for <c>Startup</c> style, the
    /// name of each <c>ConfigureServices</c> method. Report from a per-document action with these, so the diagnostic is
    /// live on the open <c>Program.cs</c>/<c>Startup.cs</c> in the IDE.
    /// </summary>
    public ImmutableArray<StartupAnchor> AnchorsIn(SyntaxTree tree)
    {
        var builder = ImmutableArray.CreateBuilder<StartupAnchor>();
        foreach (var call in HostCreations)
        {
            if (call.Location.SourceTree == tree && call.Name != "ConfigureWebHostDefaults" && call.Name != "ConfigureWebHost")
            {
                builder.Add(new StartupAnchor(call.Location, StartupStyle.MinimalHosting, call.Method.ContainingType));
            }
        }

        foreach (var type in StartupTypes)
        {
            foreach (var member in type.GetMembers("ConfigureServices"))
            {
                foreach (var location in member.Locations)
                {
                    if (location.SourceTree == tree)
                    {
                        builder.Add(new StartupAnchor(location, StartupStyle.StartupClass, type));
                    }
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Whether the app calls a method of this name in its pipeline: a bound start-up call, a call of that name anywhere
    /// else in the compilation (matched by name only), or one inside another project's start-up method it calls (<see cref="Imported"/>). Use it for presence; it errs towards "present", which keeps absence
    /// rules quiet rather than wrong.
    /// </summary>
    public bool Has(string methodName)
        => _callsByName.ContainsKey(methodName) || _namesOutsideStartup.Contains(methodName) || _importedNames.Contains(methodName);

    /// <summary>
    /// The bound start-up calls with this method name: calls in a file that creates the host, in a <c>Startup</c> class,
    /// or in an extension method on a builder type. Calls elsewhere count only for <see cref="Has"/>.
    /// </summary>
    public ImmutableArray<PipelineCall> CallsNamed(string methodName)
        => _callsByName.TryGetValue(methodName, out var calls) ? calls : ImmutableArray<PipelineCall>.Empty;

    /// <summary>
    /// The project kind when the option or the MSBuild properties the package makes visible decide it alone
    /// (test project, library, Web SDK, Worker SDK), without building the model; null when only the code can tell.
    /// </summary>
    public static ProjectKind? QuickKind(Compilation compilation, AnalyzerOptions options)
    {
        if (options.GetGlobal(ReadinessOptions.ProjectKindOverride) is { } overridden)
        {
            return overridden;
        }

        if (IsTestCompilation(compilation, options))
        {
            return ProjectKind.TestProject;
        }

        var outputType = options.GetBuildProperty("OutputType");
        if (outputType is null)
        {
            return null;
        }

        if (string.Equals(outputType, "Library", StringComparison.OrdinalIgnoreCase))
        {
            return ProjectKind.Library;
        }

        if (IsTrue(options.GetBuildProperty("UsingMicrosoftNETSdkWeb")))
        {
            return ProjectKind.WebApp;
        }

        return IsTrue(options.GetBuildProperty("UsingMicrosoftNETSdkWorker")) ? ProjectKind.Worker : null;
    }

    /// <summary>
    /// Whether <see cref="Kind"/> is (or would be) <see cref="ProjectKind.TestProject"/>, without building the model: the
    /// <c>readiness.project_kind</c> option, the <c>IsTestProject</c> property or a referenced test framework decide it.
    /// </summary>
    public static bool IsTestCompilation(Compilation compilation, AnalyzerOptions options)
    {
        if (options.GetGlobal(ReadinessOptions.ProjectKindOverride) is { } overridden)
        {
            return overridden == ProjectKind.TestProject;
        }

        return IsTrue(options.GetBuildProperty("IsTestProject"))
            || PipelineScan.ReferencesTestFramework(compilation);
    }

    /// <summary>The model of <paramref name="compilation"/> for <paramref name="options"/>, built on first use and shared afterwards.</summary>
    public static ApplicationModel For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => ProjectScope.For(compilation, options).Model(cancellationToken);

    /// <summary>A fresh model, nothing cached: for the benchmark's measure of the model's own cost.</summary>
    internal static ApplicationModel Build(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => Create(compilation, options, PipelineScan.Build(compilation, cancellationToken), cancellationToken);

    /// <summary>The model of a scan for these options: only the project kind depends on them.</summary>
    internal static ApplicationModel Create(Compilation compilation, AnalyzerOptions options, PipelineScan scan, CancellationToken cancellationToken)
    {
        var detected = DetectKind(compilation, options, scan, cancellationToken);
        var kind = options.GetGlobal(ReadinessOptions.ProjectKindOverride) ?? detected;
        return new ApplicationModel(kind, detected, scan.Calls, scan.NamesOutsideStartup, scan.StartupTypes);
    }

    private static ProjectKind DetectKind(
        Compilation compilation,
        AnalyzerOptions options,
        PipelineScan scan,
        CancellationToken cancellationToken)
    {
        if (IsTrue(options.GetBuildProperty("IsTestProject")) || PipelineScan.ReferencesTestFramework(compilation))
        {
            return ProjectKind.TestProject;
        }

        var outputType = options.GetBuildProperty("OutputType");
        var isLibrary = outputType is not null
            ? string.Equals(outputType, "Library", StringComparison.OrdinalIgnoreCase)
            : compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule or OutputKind.WindowsRuntimeMetadata;
        if (isLibrary)
        {
            return ProjectKind.Library;
        }

        var createsWebHost = !scan.StartupTypes.IsEmpty;
        var createsGenericHost = false;
        foreach (var call in scan.Calls)
        {
            if (call.Target != PipelineTarget.HostCreation)
            {
                continue;
            }

            if (call.Method.ContainingType.Name is "WebApplication" or "WebHost"
                || call.Name is "ConfigureWebHostDefaults" or "ConfigureWebHost")
            {
                createsWebHost = true;
            }
            else
            {
                createsGenericHost = true;
            }
        }

        if (createsWebHost || IsTrue(options.GetBuildProperty("UsingMicrosoftNETSdkWeb")))
        {
            return ProjectKind.WebApp;
        }

        if (createsGenericHost || IsTrue(options.GetBuildProperty("UsingMicrosoftNETSdkWorker")) || scan.HasHostedService(cancellationToken))
        {
            return ProjectKind.Worker;
        }

        return ProjectKind.ConsoleTool;
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
