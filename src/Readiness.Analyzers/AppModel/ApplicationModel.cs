using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Options;

namespace Readiness.Analyzers.AppModel;

/// <summary>
/// "What kind of project is this, and what does its start-up pipeline register?" — computed lazily,
/// at most once per compilation, and shared by every analyzer in the package (DESIGN §3).
/// </summary>
public sealed class ApplicationModel
{
    private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new();

    private readonly ImmutableDictionary<string, ImmutableArray<PipelineCall>> _callsByName;
    private readonly ImmutableHashSet<string> _namesOutsideStartup;

    private ApplicationModel(
        ProjectKind kind,
        ProjectKind detectedKind,
        bool referencesLogging,
        ImmutableArray<PipelineCall> calls,
        ImmutableHashSet<string> namesOutsideStartup,
        ImmutableArray<INamedTypeSymbol> startupTypes)
    {
        _namesOutsideStartup = namesOutsideStartup;
        Kind = kind;
        DetectedKind = detectedKind;
        ReferencesLogging = referencesLogging;
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
        foreach (var call in calls)
        {
            if (call.IsInOtherAssembly)
            {
                DelegatesToOtherAssemblies = true;
            }

            if (call.Target == PipelineTarget.HostCreation)
            {
                HostCreations = HostCreations.Add(call);
            }
        }
    }

    /// <summary>The project kind rules act on: the <c>readiness.project_kind</c> option when set, else <see cref="DetectedKind"/>.</summary>
    public ProjectKind Kind { get; }

    /// <summary>The project kind as detected from the compilation and MSBuild properties.</summary>
    public ProjectKind DetectedKind { get; }

    /// <summary>Whether <c>Microsoft.Extensions.Logging.ILogger</c> is available to the code.</summary>
    public bool ReferencesLogging { get; }

    /// <summary>Every bound start-up pipeline call (see <see cref="CallsNamed"/>), in source order per file.</summary>
    public ImmutableArray<PipelineCall> Calls { get; }

    /// <summary>The calls that create the host (<c>WebApplication.CreateBuilder(args)</c> and friends).</summary>
    public ImmutableArray<PipelineCall> HostCreations { get; } = ImmutableArray<PipelineCall>.Empty;

    /// <summary>Classes with <c>ConfigureServices(IServiceCollection)</c> or <c>Configure(IApplicationBuilder…)</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> StartupTypes { get; }

    /// <summary>
    /// True when the start-up pipeline calls extension methods from another, non-framework assembly,
    /// so an absence rule cannot see everything that is registered (DESIGN §3: no false confidence).
    /// </summary>
    public bool DelegatesToOtherAssemblies { get; }

    public bool IsWebApp => Kind == ProjectKind.WebApp;

    public bool IsTestProject => Kind == ProjectKind.TestProject;

    /// <summary>
    /// Where an absence rule reports in <paramref name="tree"/> (DESIGN §3): each host-creating call
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
    /// Whether the app calls a method of this name in its pipeline: a bound start-up call, or a call of that name anywhere
    /// else in the compilation (matched by name only). Use it for presence; it errs towards "present", which keeps absence
    /// rules quiet rather than wrong.
    /// </summary>
    public bool Has(string methodName) => _callsByName.ContainsKey(methodName) || _namesOutsideStartup.Contains(methodName);

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
            || TestFrameworkCache.GetValue(compilation, static c => new StrongBox<bool>(KnownTypes.ReferencesTestFramework(c))).Value;
    }

    /// <summary>Test projects are analyzed only with <c>readiness.analyze_test_projects = true</c>: whether this tree is skipped.</summary>
    public static bool IsExcludedTestProject(Compilation compilation, AnalyzerOptions options, SyntaxTree tree)
        => IsTestCompilation(compilation, options) && !options.Get(ReadinessOptions.AnalyzeTestProjects, tree);

    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> TestFrameworkCache = new();

    /// <summary>The model of <paramref name="compilation"/>, built on first use and shared afterwards.</summary>
    public static ApplicationModel For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => Cache.GetValue(compilation, static _ => new Holder()).Get(compilation, options, cancellationToken);

    private sealed class Holder
    {
        private readonly object _gate = new();
        private ApplicationModel? _model;

        public ApplicationModel Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var model = Volatile.Read(ref _model);
            if (model is not null)
            {
                return model;
            }

            lock (_gate)
            {
                // A cancelled build leaves nothing behind: the next caller builds the model again.
                return _model ??= Build(compilation, options, cancellationToken);
            }
        }
    }

    internal static ApplicationModel Build(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var types = new KnownTypes(compilation);
        var calls = ImmutableArray.CreateBuilder<PipelineCall>();
        var namesOutsideStartup = new HashSet<string>(StringComparer.Ordinal);
        var startupTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var hasHostedService = false;

        if (types.HasAnyHostingType)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScanTree(compilation, tree, types, calls, namesOutsideStartup, startupTypes, ref hasHostedService, cancellationToken);
            }
        }

        var callArray = calls.ToImmutable();
        var detected = DetectKind(compilation, options, types, callArray, startupTypes.Count > 0, hasHostedService);
        var kind = options.GetGlobal(ReadinessOptions.ProjectKindOverride) ?? detected;
        return new ApplicationModel(kind, detected, types.ILogger is not null, callArray, namesOutsideStartup.ToImmutableHashSet(StringComparer.Ordinal), startupTypes.ToImmutable());
    }

    private static ProjectKind DetectKind(
        Compilation compilation,
        AnalyzerOptions options,
        KnownTypes types,
        ImmutableArray<PipelineCall> calls,
        bool hasStartup,
        bool hasHostedService)
    {
        if (IsTrue(options.GetBuildProperty("IsTestProject")) || types.HasTestFramework)
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

        var createsWebHost = hasStartup;
        var createsGenericHost = hasHostedService;
        foreach (var call in calls)
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

        if (createsGenericHost || IsTrue(options.GetBuildProperty("UsingMicrosoftNETSdkWorker")))
        {
            return ProjectKind.Worker;
        }

        return ProjectKind.ConsoleTool;
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Scans one tree: its text for pipeline-looking call names (<see cref="SourceScan"/>; the syntax of the rest of the file is
    /// never walked) and its declarations for <c>Startup</c> classes and hosted services. Calls in start-up code are bound, so they carry their symbols: top-level statements, a method that
    /// creates the host or is <c>Main</c>, the members of a <c>Startup</c> class, and any method that takes a builder
    /// (<c>this IServiceCollection services</c>, <c>Map(WebApplication app)</c>…). Elsewhere, pipeline-looking calls are only
    /// remembered by name, never bound: binding every method body again would cost as much as the compiler's own binding,
    /// and a name is enough evidence of presence to keep an absence rule quiet.
    /// </summary>
    private static void ScanTree(
        Compilation compilation,
        SyntaxTree tree,
        KnownTypes types,
        ImmutableArray<PipelineCall>.Builder calls,
        HashSet<string> namesOutsideStartup,
        ImmutableArray<INamedTypeSymbol>.Builder startupTypes,
        ref bool hasHostedService,
        CancellationToken cancellationToken)
    {
        var candidates = new List<(InvocationExpressionSyntax Invocation, string Name, SyntaxNode? Member)>();
        var hostCreatingMembers = new HashSet<SyntaxNode>();
        var startupClasses = new HashSet<SyntaxNode>();
        SemanticModel? model = null;
        foreach (var token in SourceScan.Identifiers(tree, MayBePipelineCall, cancellationToken))
        {
            if (SourceScan.InvocationNamedBy(token) is not { } invocation)
            {
                continue;
            }

            var member = EnclosingMember(invocation);
            candidates.Add((invocation, token.ValueText, member));
            if (member is not null && IsHostFactoryName(token.ValueText))
            {
                hostCreatingMembers.Add(member);
            }
        }

        // Outer calls first, as a walk of the tree meets them (a.UseX().UseY(): UseY, then UseX).
        candidates.Sort(static (a, b) => a.Invocation.SpanStart != b.Invocation.SpanStart
            ? a.Invocation.SpanStart.CompareTo(b.Invocation.SpanStart)
            : b.Invocation.Span.Length.CompareTo(a.Invocation.Span.Length));

        // Classes live at the top of a tree, never in a body: walk the declarations only.
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not ClassDeclarationSyntax @class || !MayBeStartupOrHostedService(@class))
            {
                continue;
            }

            model ??= compilation.GetSemanticModel(tree);
            if (model.GetDeclaredSymbol(@class, cancellationToken) is { } type)
            {
                if (IsStartup(type, types))
                {
                    startupTypes.Add(type);
                    startupClasses.Add(@class);
                }

                if (types.IHostedService is not null && Implements(type, types.IHostedService))
                {
                    hasHostedService = true;
                }
            }
        }

        // A method that merely takes a builder is bound only if it does more than map endpoints: endpoint modules
        // (Map(IEndpointRouteBuilder app) => app.MapGet(…)…) are common and costly to bind, and their calls matter by name.
        var bindingMembers = new HashSet<SyntaxNode>();
        foreach (var (_, name, member) in candidates)
        {
            if (member is not null && !IsEndpointMappingName(name))
            {
                bindingMembers.Add(member);
            }
        }

        foreach (var (invocation, name, member) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is null
                || !IsStartupMember(member, hostCreatingMembers, startupClasses)
                || (!bindingMembers.Contains(member) && !IsCoreStartupMember(member, hostCreatingMembers, startupClasses)))
            {
                namesOutsideStartup.Add(name);
                continue;
            }

            model ??= compilation.GetSemanticModel(tree);
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
            {
                var call = Classify(invocation, method, types, compilation.Assembly);
                if (call is not null)
                {
                    calls.Add(call);
                }
            }
        }
    }

    /// <summary>The member whose body holds <paramref name="node"/>: a top-level statement, a method, or null (initializers, accessors…).</summary>
    private static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax:
                case MethodDeclarationSyntax:
                    return current;
                case ConstructorDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Top-level code, <c>Main</c>, a host-creating method, a <c>Startup</c> member, or a builder extension method.</summary>
    private static bool IsCoreStartupMember(SyntaxNode member, HashSet<SyntaxNode> hostCreatingMembers, HashSet<SyntaxNode> startupClasses)
        => member is GlobalStatementSyntax
            || hostCreatingMembers.Contains(member)
            || (member is MethodDeclarationSyntax method
                && (method.Identifier.ValueText == "Main"
                    || (method.Parent is { } parent && startupClasses.Contains(parent))
                    || (method.ParameterList.Parameters.Count > 0
                        && method.ParameterList.Parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword)
                        && IsBuilderTypeName(method.ParameterList.Parameters[0].Type))));

    /// <summary>Calls that map endpoints (their presence matters, not their symbols).</summary>
    private static bool IsEndpointMappingName(string name)
        => name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "MapGroup"
            or "MapFallback" or "MapFallbackToFile" or "MapFallbackToController" or "MapFallbackToPage"
            or "RequireAuthorization" or "AllowAnonymous" or "RequireCors" or "RequireHost";

    private static bool IsStartupMember(SyntaxNode member, HashSet<SyntaxNode> hostCreatingMembers, HashSet<SyntaxNode> startupClasses)
    {
        if (member is GlobalStatementSyntax || hostCreatingMembers.Contains(member))
        {
            return true;
        }

        if (member is not MethodDeclarationSyntax method)
        {
            return false;
        }

        if (method.Identifier.ValueText == "Main" || (method.Parent is { } parent && startupClasses.Contains(parent)))
        {
            return true;
        }

        foreach (var parameter in method.ParameterList.Parameters)
        {
            if (IsBuilderTypeName(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHostFactoryName(string name)
        => name is "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder" or "CreateApplicationBuilder"
            or "CreateEmptyApplicationBuilder" or "CreateDefaultBuilder" or "ConfigureWebHostDefaults" or "ConfigureWebHost";

    /// <summary>A builder type by its syntax: <c>IServiceCollection</c>, <c>WebApplication</c>, <c>IEndpointRouteBuilder</c>…</summary>
    private static bool IsBuilderTypeName(TypeSyntax? type)
    {
        var name = type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return name is "IServiceCollection" or "IApplicationBuilder" or "IEndpointRouteBuilder" or "WebApplication"
            or "WebApplicationBuilder" or "IHostApplicationBuilder" or "IHostBuilder" or "IWebHostBuilder" or "IHealthChecksBuilder"
            or "RouteGroupBuilder";
    }

    /// <summary>A name a pipeline call can have (<c>Add…</c>, <c>Use…</c>, <c>Map…</c>, <c>Create…</c>, <c>Configure…</c>, <c>Require…</c>), called.</summary>
    private static bool MayBePipelineCall(string text, int start, int length)
        => length > 3
            && text[start] is 'A' or 'U' or 'M' or 'C' or 'R'
            && (SourceScan.StartsWith(text, start, length, "Add")
                || SourceScan.StartsWith(text, start, length, "Use")
                || SourceScan.StartsWith(text, start, length, "Map")
                || SourceScan.StartsWith(text, start, length, "Create")
                || SourceScan.StartsWith(text, start, length, "Configure")
                || SourceScan.StartsWith(text, start, length, "Require"))
            && SourceScan.MayBeCalled(text, start + length);

    private static bool MayBeStartupOrHostedService(ClassDeclarationSyntax @class)
    {
        if (@class.BaseList is not null)
        {
            return true;
        }

        foreach (var member in @class.Members)
        {
            if (member is MethodDeclarationSyntax { Identifier.ValueText: "ConfigureServices" or "Configure" })
            {
                return true;
            }
        }

        return false;
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

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
            {
                return true;
            }
        }

        return false;
    }

    private static PipelineCall? Classify(InvocationExpressionSyntax invocation, IMethodSymbol method, KnownTypes types, IAssemblySymbol self)
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
            var receiver = method.ReducedFrom is not null
                ? method.ReceiverType
                : method.IsExtensionMethod
                    ? (method.Parameters.Length > 0 ? method.Parameters[0].Type : null)
                    : method.ContainingType;
            var category = types.Categorize(receiver);
            if (category is null)
            {
                return null;
            }

            target = method.Name is "ConfigureWebHostDefaults" or "ConfigureWebHost"
                ? PipelineTarget.HostCreation
                : category.Value;
        }

        var definition = method.ReducedFrom ?? method;
        var assembly = definition.ContainingAssembly;
        var inOtherAssembly = definition.IsExtensionMethod
            && assembly is not null
            && !SymbolEqualityComparer.Default.Equals(assembly, self)
            && !IsFrameworkAssembly(assembly.Name)
            && !IsKnownLibraryWithoutPipelineFeatures(assembly.Name)
            && !IsHealthChecksBuilder(definition.Parameters.Length > 0 ? definition.Parameters[0].Type : null);

        return new PipelineCall(method.Name, target, method, invocation.GetLocation(), inOtherAssembly);
    }

    /// <summary>
    /// Well-known libraries whose start-up extensions register their own services and nothing the rules look for
    /// (health checks, rate limiting, security middleware): calling them is not opaque delegation.
    /// </summary>
    private static bool IsKnownLibraryWithoutPipelineFeatures(string name)
        => name.StartsWith("FluentValidation", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("StackExchange.Redis", StringComparison.Ordinal)
            || name.StartsWith("Swashbuckle", StringComparison.Ordinal)
            || name.StartsWith("AutoMapper", StringComparison.Ordinal)
            || name.StartsWith("MediatR", StringComparison.Ordinal)
            || name.StartsWith("Serilog", StringComparison.Ordinal)
            || name.StartsWith("BCrypt", StringComparison.Ordinal)
            || name.StartsWith("Pomelo.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Oracle.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("MongoDB.", StringComparison.Ordinal)
            || name.StartsWith("Polly", StringComparison.Ordinal)
            || name.StartsWith("Mapster", StringComparison.Ordinal)
            || name.StartsWith("Hangfire", StringComparison.Ordinal);

    /// <summary>Checks added to an <c>IHealthChecksBuilder</c> (<c>AddNpgSql</c>, <c>AddRedis</c>) add a check, nothing else.</summary>
    private static bool IsHealthChecksBuilder(ITypeSymbol? type)
        => type is { Name: "IHealthChecksBuilder" } && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection";

    private static bool IsFrameworkAssembly(string name)
        => name.StartsWith("Microsoft.", StringComparison.Ordinal)
            || name.StartsWith("System.", StringComparison.Ordinal)
            || name == "System"
            || name == "mscorlib"
            || name == "netstandard";

    /// <summary>The well-known types the model needs, resolved once per compilation.</summary>
    private sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            IServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
            IApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
            IEndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            WebApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
            WebHost = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.WebHost");
            Host = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.Host");
            IHostApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostApplicationBuilder");
            IHostBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder");
            IWebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
            IHostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
            ILogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            HasTestFramework = ReferencesTestFramework(compilation);
        }

        public static bool ReferencesTestFramework(Compilation compilation)
            => compilation.GetTypeByMetadataName("Xunit.FactAttribute") is not null
                || compilation.GetTypeByMetadataName("NUnit.Framework.TestAttribute") is not null
                || compilation.GetTypeByMetadataName("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") is not null
                || compilation.GetTypeByMetadataName("TUnit.Core.TestAttribute") is not null;

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
        public INamedTypeSymbol? ILogger { get; }
        public bool HasTestFramework { get; }

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
