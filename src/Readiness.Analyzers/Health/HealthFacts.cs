using Readiness.Analyzers.AppModel.Facts;

namespace Readiness.Analyzers.Health;

/// <summary>
/// What the app does about health checks, read from the shared <see cref="ApplicationModel"/> once per compilation:
/// where checks are registered (<c>AddHealthChecks</c>), where they are exposed (<c>MapHealthChecks</c>/<c>UseHealthChecks</c>),
/// which checks are added to the <c>IHealthChecksBuilder</c>, and whether start-up delegates to code we cannot see.
/// </summary>
internal sealed class HealthFacts
{
    private static readonly Memo<ProjectScope, HealthFacts?> Facts = new(static (scope, cancellationToken) =>
        HealthTypes.Create(scope.Compilation) is { } types ? new HealthFacts(scope.Compilation, scope.Model(cancellationToken), types) : null);

    private readonly Compilation _compilation;
    private readonly object _gate = new();
    private bool? _hasHandRolledEndpoint;
    private HealthCoverage? _coverage;

    private HealthFacts(Compilation compilation, ApplicationModel model, HealthTypes types)
    {
        _compilation = compilation;
        Model = model;
        Types = types;
        var registrations = ImmutableArray.CreateBuilder<PipelineCall>();
        var exposures = ImmutableArray.CreateBuilder<PipelineCall>();
        var checks = ImmutableArray.CreateBuilder<PipelineCall>();
        foreach (var call in model.Calls)
        {
            var receiver = ReceiverOf(call.Method);
            var onHealthBuilder = types.IsHealthChecksBuilder(receiver);
            if (call.Target == PipelineTarget.Services && onHealthBuilder)
            {
                checks.Add(call);
            }
            else if (call.Target == PipelineTarget.Services && types.IsHealthChecksBuilder(call.Method.ReturnType))
            {
                // AddHealthChecks() and anything else on IServiceCollection that hands back the health-checks builder.
                registrations.Add(call);
            }
            else if (call.Target == PipelineTarget.Application && call.Name is "MapHealthChecks" or "UseHealthChecks")
            {
                exposures.Add(call);
            }
        }

        Registrations = registrations.ToImmutable();
        Exposures = exposures.ToImmutable();
        Checks = checks.ToImmutable();

        // What other projects' start-up methods register and map, from the facts they recorded.
        var importedRegistrations = ImmutableArray.CreateBuilder<ImportedCall>();
        var importedExposures = ImmutableArray.CreateBuilder<ImportedCall>();
        foreach (var imported in model.Imported)
        {
            var fact = imported.Fact;
            if ((fact.Features & StartupFeature.HealthChecks) == 0)
            {
                continue;
            }

            HasImportedHealthCalls = true;
            if (fact.Target == PipelineTarget.Services && fact.Receiver != "IHealthChecksBuilder")
            {
                importedRegistrations.Add(imported);
            }
            else if (fact.Target == PipelineTarget.Application && fact.Name is "MapHealthChecks" or "UseHealthChecks")
            {
                importedExposures.Add(imported);
            }
        }

        ImportedRegistrations = importedRegistrations.ToImmutable();
        ImportedExposures = importedExposures.ToImmutable();
    }

    /// <summary>Health-check registrations inside other projects' start-up methods the app calls.</summary>
    public ImmutableArray<ImportedCall> ImportedRegistrations { get; }

    /// <summary><c>MapHealthChecks</c>/<c>UseHealthChecks</c> inside other projects' start-up methods the app calls.</summary>
    public ImmutableArray<ImportedCall> ImportedExposures { get; }

    /// <summary>
    /// Whether other projects' start-up methods configure health checks. Rules that need the calls' arguments (which
    /// checks cover which dependency, which endpoint filters which checks) stay quiet then: the facts carry no arguments.
    /// </summary>
    public bool HasImportedHealthCalls { get; }

    public ApplicationModel Model { get; }

    public HealthTypes Types { get; }

    /// <summary><c>services.AddHealthChecks()</c> (and other registrations returning <c>IHealthChecksBuilder</c>).</summary>
    public ImmutableArray<PipelineCall> Registrations { get; }

    /// <summary><c>MapHealthChecks(…)</c> and <c>UseHealthChecks(…)</c>.</summary>
    public ImmutableArray<PipelineCall> Exposures { get; }

    /// <summary>Calls on <c>IHealthChecksBuilder</c>: <c>AddCheck</c>, <c>AddDbContextCheck</c>, <c>AddNpgSql</c>, <c>AddRedis</c>…</summary>
    public ImmutableArray<PipelineCall> Checks { get; }

    /// <summary>
    /// Registers the per-document action of a health-check rule that reports on start-up code: where health checks are
    /// referenced, in a web app whose start-up does not hand health checks to code we cannot see, with the facts.
    /// </summary>
    /// <remarks>
    /// Unless <paramref name="judgesImportedCalls"/>, the action does not run when other projects' start-up methods
    /// configure health checks (<see cref="HasImportedHealthCalls"/>).
    /// </remarks>
    public static void RegisterStartupAction(CompilationStartAnalysisContext start, RuleEnvironment environment, Action<SemanticModelAnalysisContext, HealthFacts> action, bool judgesImportedCalls = false)
    {
        if (environment.Types.Get("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder") is null)
        {
            return;
        }

        environment.RegisterStartupAction(start, StartupFeature.HealthChecks, (context, _) =>
        {
            if (For(environment, context.CancellationToken) is { } facts && (judgesImportedCalls || !facts.HasImportedHealthCalls))
            {
                action(context, facts);
            }
        });
    }

    /// <summary>The facts for the rule's compilation and options (null when health checks are not referenced), built once.</summary>
    public static HealthFacts? For(RuleEnvironment environment, CancellationToken cancellationToken)
        => Facts.Get(environment.Project, cancellationToken);

    /// <summary>
    /// Whether the app serves a health route of its own (<c>MapGet("/health", …)</c>, <c>[HttpGet("health")]</c>) or consults
    /// <c>HealthCheckService</c> directly: then the absence rules stay silent and RDY3004 judges the endpoint. Syntax only, computed once.
    /// </summary>
    public bool HasHandRolledEndpoint(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _hasHandRolledEndpoint ??= ScanForHandRolledEndpoint(_compilation, cancellationToken);
        }
    }

    /// <summary>Which dependencies the registered checks cover (computed once, on first use).</summary>
    public HealthCoverage Coverage(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _coverage ??= HealthCoverage.Compute(_compilation, this, cancellationToken);
        }
    }

    /// <summary>The anchors in <paramref name="tree"/> where the absence rules report, for web apps only.</summary>
    public ImmutableArray<StartupAnchor> AnchorsIn(SyntaxTree tree)
    {
        if (!Model.IsWebApp)
        {
            return ImmutableArray<StartupAnchor>.Empty;
        }

        var anchors = Model.AnchorsIn(tree);
        if (anchors.IsEmpty)
        {
            return anchors;
        }

        var hasStartupClass = !Model.StartupTypes.IsEmpty;
        var hostsTheWeb = Model.Has("ConfigureWebHostDefaults") || Model.Has("ConfigureWebHost");
        var builder = ImmutableArray.CreateBuilder<StartupAnchor>(anchors.Length);
        foreach (var anchor in anchors)
        {
            if (anchor.Style == StartupStyle.StartupClass)
            {
                builder.Add(anchor);
            }
            else if (!hasStartupClass && (anchor.Type.Name is "WebApplication" or "WebHost" || hostsTheWeb))
            {
                // With a Startup class, the Startup.ConfigureServices anchor speaks for the app (one diagnostic, not two).
                builder.Add(anchor);
            }
        }

        return builder.ToImmutable();
    }

    public static ITypeSymbol? ReceiverOf(IMethodSymbol method)
    {
        if (method.ReducedFrom is not null)
        {
            return method.ReceiverType;
        }

        if (method.IsExtensionMethod)
        {
            return method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
        }

        return method.IsStatic ? null : method.ContainingType;
    }

    private static bool ScanForHandRolledEndpoint(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (HandRolledEndpointIn(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One file's answer, kept per tree: after an edit only the edited file is read again.</summary>
    private static readonly Memo<SyntaxTree, bool> HandRolledByTree = new(static (tree, cancellationToken) => ReadHandRolledEndpoint(tree, cancellationToken));

    private static bool HandRolledEndpointIn(SyntaxTree tree, CancellationToken cancellationToken) => HandRolledByTree.Get(tree, cancellationToken);

    private static bool ReadHandRolledEndpoint(SyntaxTree tree, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var token in SourceScan.Identifiers(tree, IsHandRolledEndpointName, cancellationToken))
        {
            if (token.Parent is IdentifierNameSyntax { Identifier.ValueText: "HealthCheckService" }
                || (SourceScan.InvocationNamedBy(token) is { } call && HasHealthRoute(call.ArgumentList.Arguments)))
            {
                return true;
            }
        }

        // Route attributes ([HttpGet("health")], [Route("/healthz")]) sit on types and members, never in a body.
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or MemberDeclarationSyntax
            or AttributeListSyntax or AttributeSyntax or AttributeArgumentListSyntax))
        {
            if (node is AttributeArgumentSyntax { Expression: LiteralExpressionSyntax literal } && IsHealthRoute(literal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>HealthCheckService</c>, or a call that maps a route (<c>Map…(</c>).</summary>
    private static bool IsHandRolledEndpointName(string text, int start, int length)
        => SourceScan.Is(text, start, length, "HealthCheckService")
            || (SourceScan.StartsWith(text, start, length, "Map") && SourceScan.MayBeCalled(text, start + length));

    private static bool HasHealthRoute(SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Expression is LiteralExpressionSyntax literal && IsHealthRoute(literal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHealthRoute(LiteralExpressionSyntax literal)
        => literal.IsKind(SyntaxKind.StringLiteralExpression) && HealthRoutes.Classify(literal.Token.ValueText) != HealthRouteKind.None;
}
