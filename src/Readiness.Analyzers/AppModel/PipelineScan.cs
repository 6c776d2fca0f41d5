using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.AppModel;

/// <summary>
/// What the code of a compilation says about its start-up, whatever the options: the start-up pipeline's calls, the
/// pipeline-looking names elsewhere, <c>Startup</c> classes and hosted services. Built once per compilation and shared by
/// the <see cref="ApplicationModel"/> of every set of options (only the project kind depends on them).
/// </summary>
public sealed class PipelineScan
{
    private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new();

    private PipelineScan(
        ImmutableArray<PipelineCall> calls,
        ImmutableHashSet<string> namesOutsideStartup,
        ImmutableArray<INamedTypeSymbol> startupTypes,
        bool hasHostedService,
        bool referencesLogging,
        bool hasTestFramework)
    {
        Calls = calls;
        NamesOutsideStartup = namesOutsideStartup;
        StartupTypes = startupTypes;
        HasHostedService = hasHostedService;
        ReferencesLogging = referencesLogging;
        HasTestFramework = hasTestFramework;
    }

    public ImmutableArray<PipelineCall> Calls { get; }

    public ImmutableHashSet<string> NamesOutsideStartup { get; }

    public ImmutableArray<INamedTypeSymbol> StartupTypes { get; }

    public bool HasHostedService { get; }

    public bool ReferencesLogging { get; }

    public bool HasTestFramework { get; }

    /// <summary>The scan of <paramref name="compilation"/>, built on first use and shared afterwards.</summary>
    public static PipelineScan For(Compilation compilation, CancellationToken cancellationToken)
        => Cache.GetValue(compilation, static _ => new Holder()).Get(compilation, cancellationToken);

    private sealed class Holder
    {
        private readonly object _gate = new();
        private PipelineScan? _scan;

        public PipelineScan Get(Compilation compilation, CancellationToken cancellationToken)
        {
            var scan = Volatile.Read(ref _scan);
            if (scan is not null)
            {
                return scan;
            }

            lock (_gate)
            {
                // A cancelled build leaves nothing behind: the next caller builds the scan again.
                return _scan ??= Build(compilation, cancellationToken);
            }
        }
    }

    internal static PipelineScan Build(Compilation compilation, CancellationToken cancellationToken)
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

        return new PipelineScan(
            calls.ToImmutable(),
            namesOutsideStartup.ToImmutableHashSet(StringComparer.Ordinal),
            startupTypes.ToImmutable(),
            hasHostedService,
            types.ILogger is not null,
            types.HasTestFramework);
    }

    /// <summary>Whether the compilation references a test framework (xunit, NUnit, MSTest, TUnit).</summary>
    internal static bool ReferencesTestFramework(Compilation compilation) => KnownTypes.ReferencesTestFrameworkImpl(compilation);

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
                var call = Classify(invocation, method, types, compilation.Assembly, model, cancellationToken);
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

    private static PipelineCall? Classify(InvocationExpressionSyntax invocation, IMethodSymbol method, KnownTypes types, IAssemblySymbol self, SemanticModel model, CancellationToken cancellationToken)
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

        return new PipelineCall(
            method.Name,
            target,
            method,
            invocation,
            DelegationPolicy.MayRegister(method, self),
            EnvironmentGuards.Of(invocation, model, cancellationToken));
    }

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
            HasTestFramework = ReferencesTestFrameworkImpl(compilation);
        }

        public static bool ReferencesTestFrameworkImpl(Compilation compilation)
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
