namespace Readiness.Analyzers.AppModel;

/// <summary>
/// The one answer to "does this rule run here?" for a compilation and its options: the project kind (detected, or
/// <c>readiness.project_kind</c>), test-project gating and the per-file options that widen or narrow a rule's
/// <see cref="RuleScope"/>. Cached per compilation and options, because the kind depends on both; the application model
/// it hands out shares the options-free scan of the compilation (<see cref="PipelineScan"/>).
/// </summary>
public sealed class ProjectScope
{
    // Keyed by the compilation alone, the scopes of its option sets in a list: a nested weak table keyed by the options
    // (one object for every compilation of a project) would keep every compilation alive through its scope.
    private static readonly Memo<Compilation, List<ProjectScope>> Scopes = new(static (_, _) => new List<ProjectScope>(1));

    private readonly AnalyzerOptions _options;
    private static readonly Memo<ProjectScope, ApplicationModel> Models = new(static (scope, cancellationToken)
        => ApplicationModel.Create(scope.Compilation, scope._options, PipelineScan.For(scope.Compilation, cancellationToken), cancellationToken));

    private ProjectScope(Compilation compilation, AnalyzerOptions options)
    {
        Compilation = compilation;
        _options = options;
        IsTestProject = ApplicationModel.IsTestCompilation(compilation, options);
        QuickKind = ApplicationModel.QuickKind(compilation, options);
        KindOverride = options.GetGlobal(ReadinessOptions.ProjectKindOverride);
    }

    /// <summary>The scope of <paramref name="compilation"/> analysed with <paramref name="options"/>.</summary>
    public static ProjectScope For(Compilation compilation, AnalyzerOptions options)
    {
        var scopes = Scopes.Get(compilation, CancellationToken.None);
        lock (scopes)
        {
            foreach (var scope in scopes)
            {
                if (ReferenceEquals(scope._options, options))
                {
                    return scope;
                }
            }

            var created = new ProjectScope(compilation, options);
            scopes.Add(created);
            return created;
        }
    }

    /// <summary>The compilation the scope answers for.</summary>
    public Compilation Compilation { get; }

    /// <summary>A test project (option, <c>IsTestProject</c>, or a referenced test framework): decided without the model.</summary>
    public bool IsTestProject { get; }

    /// <summary>The kind when the option or the build properties decide it alone; null when only the code can tell.</summary>
    public ProjectKind? QuickKind { get; }

    /// <summary>The <c>readiness.project_kind</c> option, when set.</summary>
    public ProjectKind? KindOverride { get; }

    /// <summary>The application model: built on first use, once for all rules and options of the compilation.</summary>
    public ApplicationModel Model(CancellationToken cancellationToken) => Models.Get(this, cancellationToken);

    /// <summary>
    /// Whether a rule of <paramref name="scope"/> can apply anywhere in this compilation, decided without building the
    /// model: false only when it certainly cannot (a web-app rule in a library or a test project), so the rule registers nothing.
    /// </summary>
    public bool MayApply(RuleScope scope)
        => scope != RuleScope.WebApps
            || (KindOverride is { } kind ? kind == ProjectKind.WebApp : QuickKind is not (ProjectKind.Library or ProjectKind.TestProject));

    /// <summary>Whether a rule of <paramref name="scope"/> runs on <paramref name="tree"/>.</summary>
    public bool Applies(RuleScope scope, SyntaxTree tree, CancellationToken cancellationToken)
        => scope switch
        {
            RuleScope.AnyProject => !IsTestProject || _options.Get(ReadinessOptions.AnalyzeTestProjects, tree),
            RuleScope.CodeThatLogs => LogsHere(tree, cancellationToken),
            _ => MayApply(scope) && Model(cancellationToken).IsWebApp,
        };

    /// <summary>For files without per-file options (committed config files): whether a rule of <paramref name="scope"/> runs.</summary>
    public bool AppliesGlobally(RuleScope scope, CancellationToken cancellationToken)
        => scope switch
        {
            RuleScope.AnyProject => !IsTestProject || _options.GetGlobal(ReadinessOptions.AnalyzeTestProjects),
            _ => MayApply(scope) && Model(cancellationToken).IsWebApp,
        };

    /// <summary>The model when this is a web app, else null: the first question of every absence rule.</summary>
    public ApplicationModel? WebApp(CancellationToken cancellationToken)
        => MayApply(RuleScope.WebApps) && Model(cancellationToken) is { IsWebApp: true } model ? model : null;

    private bool LogsHere(SyntaxTree tree, CancellationToken cancellationToken)
    {
        switch (_options.Get(ReadinessOptions.ConsoleOutput, tree))
        {
            case RuleMode.Always:
                return true;
            case RuleMode.Never:
                return false;
        }

        // The build properties decide most projects without the model.
        switch (QuickKind)
        {
            case ProjectKind.WebApp:
            case ProjectKind.Worker:
                return true;
            case ProjectKind.ConsoleTool:
                return false;
        }

        // A library or test project logs where ILogger is referenced: a type lookup, not the model.
        var kind = QuickKind ?? Model(cancellationToken).Kind;
        return kind switch
        {
            ProjectKind.WebApp or ProjectKind.Worker => true,
            ProjectKind.Library => ReferencesLogging,
            ProjectKind.TestProject => _options.Get(ReadinessOptions.AnalyzeTestProjects, tree) && ReferencesLogging,
            _ => false,
        };
    }

    private bool ReferencesLogging => PipelineScan.ReferencesLogging(Compilation);

    /// <summary>
    /// Whether the project is an app (a web app or a worker), decided from the build properties when they suffice and from
    /// the model otherwise: rules about what an app's start-up leaves out ask this before building the model.
    /// </summary>
    public bool IsApp(CancellationToken cancellationToken)
        => (QuickKind ?? Model(cancellationToken).Kind) is ProjectKind.WebApp or ProjectKind.Worker;
}
