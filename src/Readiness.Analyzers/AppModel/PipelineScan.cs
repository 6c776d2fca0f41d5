namespace Readiness.Analyzers.AppModel;

/// <summary>
/// What the code of a compilation says about its start-up, whatever the options: the start-up pipeline's calls, the
/// pipeline-looking names elsewhere, <c>Startup</c> classes and hosted services. Built once per compilation and shared by
/// the <see cref="ApplicationModel"/> of every set of options (only the project kind depends on them).
/// </summary>
public sealed class PipelineScan
{
    private static readonly Memo<Compilation, PipelineScan> Scans = new(static (compilation, cancellationToken) => Build(compilation, cancellationToken));

    private readonly Compilation _compilation;
    private readonly KnownTypes _types;
    private readonly object _gate = new();
    private bool? _hasHostedService;

    private PipelineScan(
        Compilation compilation,
        KnownTypes types,
        ImmutableArray<PipelineCall> calls,
        ImmutableHashSet<string> namesOutsideStartup,
        ImmutableArray<INamedTypeSymbol> startupTypes)
    {
        _compilation = compilation;
        _types = types;
        Calls = calls;
        NamesOutsideStartup = namesOutsideStartup;
        StartupTypes = startupTypes;
    }

    public ImmutableArray<PipelineCall> Calls { get; }

    public ImmutableHashSet<string> NamesOutsideStartup { get; }

    public ImmutableArray<INamedTypeSymbol> StartupTypes { get; }

    /// <summary>
    /// Whether a class implements <c>IHostedService</c>: computed on first use only, because only a project whose kind
    /// neither its build properties nor its host creation decide asks (binding every derived class's base list again
    /// after each edit would cost a web app for nothing).
    /// </summary>
    public bool HasHostedService(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _hasHostedService ??= FindHostedService(cancellationToken);
        }
    }

    private bool FindHostedService(CancellationToken cancellationToken)
    {
        if (_types.IHostedService is null)
        {
            return false;
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            var derived = StartupSyntax.Of(tree, cancellationToken).DerivedClasses;
            if (derived.IsEmpty)
            {
                continue;
            }

            var model = _compilation.GetSemanticModel(tree);
            foreach (var @class in derived)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.GetDeclaredSymbol(@class, cancellationToken) is { } type && WellKnownTypeProvider.Implements(type, _types.IHostedService))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The scan of <paramref name="compilation"/>, built on first use and shared afterwards.</summary>
    public static PipelineScan For(Compilation compilation, CancellationToken cancellationToken)
        => Scans.Get(compilation, cancellationToken);

    internal static PipelineScan Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var types = new KnownTypes(compilation);
        var calls = ImmutableArray.CreateBuilder<PipelineCall>();
        var namesOutsideStartup = new HashSet<string>(StringComparer.Ordinal);
        var startupTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();

        if (types.HasAnyHostingType)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScanTree(compilation, tree, types, calls, namesOutsideStartup, startupTypes, cancellationToken);
            }
        }

        return new PipelineScan(
            compilation,
            types,
            calls.ToImmutable(),
            namesOutsideStartup.ToImmutableHashSet(StringComparer.Ordinal),
            startupTypes.ToImmutable());
    }

    /// <summary>Whether the compilation references a test framework (xunit, NUnit, MSTest, TUnit).</summary>
    internal static bool ReferencesTestFramework(Compilation compilation)
        => WellKnownTypeProvider.For(compilation).HasAny(
            "Xunit.FactAttribute",
            "NUnit.Framework.TestAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
            "TUnit.Core.TestAttribute");

    /// <summary>Whether <c>Microsoft.Extensions.Logging.ILogger</c> is available to the code.</summary>
    internal static bool ReferencesLogging(Compilation compilation)
        => WellKnownTypeProvider.For(compilation).Get("Microsoft.Extensions.Logging.ILogger") is not null;

    /// <summary>
    /// Binds one tree's start-up calls. What to bind is decided from the syntax alone and cached with the tree
    /// (<see cref="StartupSyntax"/>), so after an edit only the edited file is read again; here the semantic model
    /// answers only for <c>Startup</c>/hosted-service candidates and for the calls in start-up code, which carry their symbols.
    /// </summary>
    private static void ScanTree(
        Compilation compilation,
        SyntaxTree tree,
        KnownTypes types,
        ImmutableArray<PipelineCall>.Builder calls,
        HashSet<string> namesOutsideStartup,
        ImmutableArray<INamedTypeSymbol>.Builder startupTypes,
        CancellationToken cancellationToken)
    {
        var syntax = StartupSyntax.Of(tree, cancellationToken);
        SemanticModel? model = null;
        HashSet<SyntaxNode>? startupClasses = null;
        foreach (var @class in syntax.Classes)
        {
            model ??= compilation.GetSemanticModel(tree);
            if (model.GetDeclaredSymbol(@class, cancellationToken) is { } type)
            {
                if (IsStartup(type, types))
                {
                    startupTypes.Add(type);
                    (startupClasses ??= new HashSet<SyntaxNode>()).Add(@class);
                }
            }
        }

        foreach (var candidate in syntax.Calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (candidate.Binding == StartupBinding.NameOnly
                || (candidate.Binding == StartupBinding.IfStartupClass && (startupClasses is null || !startupClasses.Contains(candidate.Class!))))
            {
                namesOutsideStartup.Add(candidate.Name);
                continue;
            }

            model ??= compilation.GetSemanticModel(tree);
            if (model.GetSymbolInfo(candidate.Invocation, cancellationToken).Symbol is IMethodSymbol method)
            {
                var call = Classify(candidate.Invocation, method, types, compilation.Assembly, model, cancellationToken);
                if (call is not null)
                {
                    calls.Add(call);
                }
            }
        }
    }

    private static bool IsStartup(INamedTypeSymbol type, KnownTypes types)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { Name: "ConfigureServices" or "Configure", Parameters.Length: > 0 } method)
            {
                var first = method.Parameters[0].Type;
                if (SymbolEqualityComparer.Default.Equals(first, types.IServiceCollection)
                    || SymbolEqualityComparer.Default.Equals(first, types.IApplicationBuilder))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The start-up call <paramref name="invocation"/> makes, or null when it configures no start-up builder. A call into a
    /// library that recorded start-up facts for the method carries them (<see cref="Facts.StartupFacts"/>).
    /// </summary>
    internal static PipelineCall? Classify(InvocationExpressionSyntax invocation, IMethodSymbol method, KnownTypes types, IAssemblySymbol self, SemanticModel model, CancellationToken cancellationToken)
    {
        PipelineTarget target;
        if (method.IsStatic && !method.IsExtensionMethod && types.IsHostFactory(method))
        {
            target = PipelineTarget.HostCreation;
        }
        else
        {
            // Reduced form (services.AddX()): the receiver type. Called as a static method
            // (XExtensions.AddX(services)): the first parameter, not the containing static class.
            var receiver = ReceiverOf(method);
            var category = types.Categorize(receiver);
            if (category is null)
            {
                return null;
            }

            target = method.Name is "ConfigureWebHostDefaults" or "ConfigureWebHost"
                ? PipelineTarget.HostCreation
                : category.Value;
        }

        var mayRegister = DelegationPolicy.MayRegister(method, self);
        var facts = mayRegister == StartupFeature.None ? null : Facts.StartupFacts.Find(method, cancellationToken);
        return new PipelineCall(
            method.Name,
            target,
            method,
            invocation,
            facts?.MayRegister ?? mayRegister,
            EnvironmentGuards.Of(invocation, model, cancellationToken),
            facts);
    }

    /// <summary>The type a call is made on: the receiver of an extension method in either form, else the containing type.</summary>
    internal static ITypeSymbol? ReceiverOf(IMethodSymbol method)
        => method.ReducedFrom is not null
            ? method.ReceiverType
            : method.IsExtensionMethod
                ? (method.Parameters.Length > 0 ? method.Parameters[0].Type : null)
                : method.ContainingType;

    /// <summary>The well-known types the model needs, resolved once per compilation.</summary>
    internal sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            var types = WellKnownTypeProvider.For(compilation);
            IServiceCollection = types.Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
            IApplicationBuilder = types.Get("Microsoft.AspNetCore.Builder.IApplicationBuilder");
            IEndpointRouteBuilder = types.Get("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            WebApplication = types.Get("Microsoft.AspNetCore.Builder.WebApplication");
            WebApplicationBuilder = types.Get("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
            WebHost = types.Get("Microsoft.AspNetCore.WebHost");
            Host = types.Get("Microsoft.Extensions.Hosting.Host");
            IHostApplicationBuilder = types.Get("Microsoft.Extensions.Hosting.IHostApplicationBuilder");
            IHostBuilder = types.Get("Microsoft.Extensions.Hosting.IHostBuilder");
            IWebHostBuilder = types.Get("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
            IHostedService = types.Get("Microsoft.Extensions.Hosting.IHostedService");
        }

        public INamedTypeSymbol? IServiceCollection { get; }
        public INamedTypeSymbol? IApplicationBuilder { get; }
        public INamedTypeSymbol? IEndpointRouteBuilder { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? WebApplicationBuilder { get; }
        public INamedTypeSymbol? WebHost { get; }
        public INamedTypeSymbol? Host { get; }
        public INamedTypeSymbol? IHostApplicationBuilder { get; }
        public INamedTypeSymbol? IHostBuilder { get; }
        public INamedTypeSymbol? IWebHostBuilder { get; }
        public INamedTypeSymbol? IHostedService { get; }

        public bool HasAnyHostingType => IServiceCollection is not null || Host is not null || WebApplication is not null;

        public bool IsHostFactory(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(type, WebApplication))
            {
                return method.Name is "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder";
            }

            if (SymbolEqualityComparer.Default.Equals(type, Host))
            {
                return method.Name is "CreateApplicationBuilder" or "CreateDefaultBuilder" or "CreateEmptyApplicationBuilder";
            }

            return SymbolEqualityComparer.Default.Equals(type, WebHost) && method.Name is "CreateDefaultBuilder";
        }

        public PipelineTarget? Categorize(ITypeSymbol? receiver)
        {
            if (receiver is not INamedTypeSymbol named)
            {
                return null;
            }

            if (Is(named, IServiceCollection))
            {
                return PipelineTarget.Services;
            }

            if (Is(named, IApplicationBuilder) || Is(named, IEndpointRouteBuilder) || Is(named, WebApplication))
            {
                return PipelineTarget.Application;
            }

            if (Is(named, WebApplicationBuilder) || Is(named, IHostApplicationBuilder) || Is(named, IHostBuilder) || Is(named, IWebHostBuilder))
            {
                return PipelineTarget.HostBuilder;
            }

            // Builders returned by registrations (IHealthChecksBuilder, IMvcBuilder, …) expose the collection as Services.
            foreach (var member in named.GetMembers("Services"))
            {
                if (member is IPropertySymbol property && Is(property.Type as INamedTypeSymbol, IServiceCollection))
                {
                    return PipelineTarget.Services;
                }
            }

            return null;
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? wellKnown)
        {
            if (type is null || wellKnown is null)
            {
                return false;
            }

            var original = type.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(original, wellKnown))
            {
                return true;
            }

            if (wellKnown.TypeKind == TypeKind.Interface)
            {
                foreach (var @interface in original.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface, wellKnown))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
