namespace Readiness.Analyzers.AppModel;

/// <summary>
/// What a rule receives at compilation start (<see cref="Common.ReadinessAnalyzer"/>): its declared scope bound to the
/// compilation's <see cref="ProjectScope"/>, the application model on demand, and the compilation's well-known types.
/// A rule asks it "does this apply to this file?" and never decides scope, caching or delegation on its own.
/// </summary>
public sealed class RuleEnvironment
{
    internal RuleEnvironment(Compilation compilation, AnalyzerOptions options, RuleScope scope, ProjectScope project)
    {
        Compilation = compilation;
        Options = options;
        Scope = scope;
        Project = project;
    }

    /// <summary>The environment a rule of <paramref name="scope"/> sees in <paramref name="compilation"/>: for code fixes and tools.</summary>
    public static RuleEnvironment For(Compilation compilation, AnalyzerOptions options, RuleScope scope)
        => new(compilation, options, scope, ProjectScope.For(compilation, options));

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    /// <summary>The rule's declared scope.</summary>
    public RuleScope Scope { get; }

    public ProjectScope Project { get; }

    /// <summary>The compilation's well-known types, each resolved once, on first use.</summary>
    public WellKnownTypeProvider Types => WellKnownTypeProvider.For(Compilation);

    /// <summary>Whether the rule runs on <paramref name="tree"/> (its scope and the file's options).</summary>
    public bool Applies(SyntaxTree tree, CancellationToken cancellationToken) => Project.Applies(Scope, tree, cancellationToken);

    /// <summary>Whether the rule runs on files without per-file options (committed config files).</summary>
    public bool AppliesGlobally(CancellationToken cancellationToken) => Project.AppliesGlobally(Scope, cancellationToken);

    /// <summary>The application model, built once per compilation on first use.</summary>
    public ApplicationModel Model(CancellationToken cancellationToken) => Project.Model(cancellationToken);

    /// <summary>
    /// Whether <paramref name="tree"/> may hold a start-up call or a <c>Startup.ConfigureServices</c>: the only places the
    /// start-up and absence rules report. Read from the file's syntax, cached with the tree: an edit in a controller or a
    /// service is decided without building the model.
    /// </summary>
    public bool MayHoldStartup(SyntaxTree tree, CancellationToken cancellationToken) => StartupSyntax.Of(tree, cancellationToken).MayHoldStartup;

    /// <summary>
    /// Registers the per-document action of a rule that reports on start-up code (pipeline calls, the host-creating call,
    /// <c>Startup.ConfigureServices</c>). It runs on a file that may hold start-up code, in a web app whose start-up does
    /// not hand <paramref name="feature"/> to code we cannot see (<see cref="DelegationPolicy"/>; <c>None</c>: no such
    /// check), with the model — live on the open <c>Program.cs</c> in the IDE, and any other file is decided without the model.
    /// </summary>
    public void RegisterStartupAction(CompilationStartAnalysisContext start, StartupFeature feature, Action<SemanticModelAnalysisContext, ApplicationModel> action)
    {
        // A rule of any scope may report on start-up code; in a project that cannot be a web app it registers nothing.
        if (!Project.MayApply(RuleScope.WebApps))
        {
            return;
        }

        start.RegisterSemanticModelAction(context =>
        {
            if (MayHoldStartup(context.SemanticModel.SyntaxTree, context.CancellationToken)
                && WebApp(context.CancellationToken) is { } model
                && !model.Delegates(feature))
            {
                action(context, model);
            }
        });
    }

    /// <summary>The model when this is a web app, else null.</summary>
    public ApplicationModel? WebApp(CancellationToken cancellationToken) => Project.WebApp(cancellationToken);
}
