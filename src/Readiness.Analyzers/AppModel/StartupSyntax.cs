namespace Readiness.Analyzers.AppModel;

/// <summary>Whether a pipeline-looking call is bound into the model or counted by name only.</summary>
internal enum StartupBinding
{
    /// <summary>Not start-up code: remembered by name (evidence of presence), never bound.</summary>
    NameOnly,
    /// <summary>Start-up code: top-level statements, <c>Main</c>, a host-creating method, a builder extension method.</summary>
    Bind,
    /// <summary>Start-up code only if its class turns out to be a <c>Startup</c> class (the semantic model decides).</summary>
    IfStartupClass,
}

/// <summary>One pipeline-looking call of a file.</summary>
internal readonly struct StartupCandidate
{
    public StartupCandidate(InvocationExpressionSyntax invocation, string name, StartupBinding binding, ClassDeclarationSyntax? @class)
    {
        Invocation = invocation;
        Name = name;
        Binding = binding;
        Class = @class;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public string Name { get; }

    public StartupBinding Binding { get; }

    /// <summary>For <see cref="StartupBinding.IfStartupClass"/>: the class that decides.</summary>
    public ClassDeclarationSyntax? Class { get; }
}

/// <summary>
/// What one file's syntax says about start-up, read once per <see cref="SyntaxTree"/> and kept while the tree lives: a new
/// compilation after an edit shares every unchanged tree, so only the edited file is read again. Its text is scanned for
/// pipeline-looking call names (<see cref="SourceScan"/>; the syntax of the rest of the file is never walked) and its
/// declarations for classes that may be <c>Startup</c> classes or hosted services. Calls in start-up code are bound by
/// <see cref="PipelineScan"/>, so they carry their symbols: top-level statements, a method that creates the host or is
/// <c>Main</c>, the members of a <c>Startup</c> class, and any method that takes a builder (<c>this IServiceCollection
/// services</c>, <c>Map(WebApplication app)</c>…). Elsewhere, pipeline-looking calls are only remembered by name, never
/// bound: binding every method body again would cost as much as the compiler's own binding, and a name is enough evidence
/// of presence to keep an absence rule quiet.
/// </summary>
internal sealed class StartupSyntax
{
    private static readonly Memo<SyntaxTree, StartupSyntax> Files = new(static (tree, cancellationToken) => Read(tree, cancellationToken));

    private StartupSyntax(ImmutableArray<StartupCandidate> calls, ImmutableArray<ClassDeclarationSyntax> classes, ImmutableArray<ClassDeclarationSyntax> derivedClasses, bool mayHoldStartup)
    {
        Calls = calls;
        Classes = classes;
        DerivedClasses = derivedClasses;
        MayHoldStartup = mayHoldStartup;
    }

    /// <summary>The pipeline-looking calls, outer calls first, as a walk of the tree meets them.</summary>
    public ImmutableArray<StartupCandidate> Calls { get; }

    /// <summary>Classes that may be <c>Startup</c> classes: a <c>ConfigureServices</c>/<c>Configure</c> method.</summary>
    public ImmutableArray<ClassDeclarationSyntax> Classes { get; }

    /// <summary>
    /// Classes with a base list, which may be hosted services. Bound only when the project kind is not decided otherwise
    /// (most web apps never bind them: binding every class's base list again after each edit would cost as much as the
    /// declarations themselves).
    /// </summary>
    public ImmutableArray<ClassDeclarationSyntax> DerivedClasses { get; }

    /// <summary>
    /// Whether the file may hold a start-up call the model binds or a <c>Startup.ConfigureServices</c>: where the absence
    /// and start-up rules report. Every other file (controllers, services, most of an app) is decided without the model.
    /// </summary>
    public bool MayHoldStartup { get; }

    /// <summary>
    /// Whether <paramref name="tree"/> has been read. The model's scan reads every file, so a file nobody else asks about
    /// tells whether the model was built (the analyzer driver works on its own copy of a compilation, never the caller's).
    /// </summary>
    internal static bool IsRead(SyntaxTree tree) => Files.IsComputed(tree);

    /// <summary>The facts of <paramref name="tree"/>, read on first use; a cancelled read leaves nothing behind.</summary>
    public static StartupSyntax Of(SyntaxTree tree, CancellationToken cancellationToken) => Files.Get(tree, cancellationToken);

    private static StartupSyntax Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var found = new List<(InvocationExpressionSyntax Invocation, string Name, SyntaxNode? Member)>();
        var hostCreatingMembers = new HashSet<SyntaxNode>();
        foreach (var token in SourceScan.Identifiers(tree, MayBePipelineCall, cancellationToken))
        {
            if (SourceScan.InvocationNamedBy(token) is not { } invocation)
            {
                continue;
            }

            var member = EnclosingMember(invocation);
            found.Add((invocation, token.ValueText, member));
            if (member is not null && IsHostFactoryName(token.ValueText))
            {
                hostCreatingMembers.Add(member);
            }
        }

        // Outer calls first, as a walk of the tree meets them (a.UseX().UseY(): UseY, then UseX).
        found.Sort(static (a, b) => a.Invocation.SpanStart != b.Invocation.SpanStart
            ? a.Invocation.SpanStart.CompareTo(b.Invocation.SpanStart)
            : b.Invocation.Span.Length.CompareTo(a.Invocation.Span.Length));

        // Classes live at the top of a tree, never in a body: walk the declarations only.
        var classes = ImmutableArray.CreateBuilder<ClassDeclarationSyntax>();
        var derivedClasses = ImmutableArray.CreateBuilder<ClassDeclarationSyntax>();
        var mayHoldStartup = false;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is ClassDeclarationSyntax @class)
            {
                if (MayBeStartup(@class, out var declaresConfigureServices))
                {
                    classes.Add(@class);
                    mayHoldStartup |= declaresConfigureServices;
                }

                if (@class.BaseList is not null)
                {
                    derivedClasses.Add(@class);
                }
            }
        }

        // A method that merely takes a builder is bound only if it does more than map endpoints: endpoint modules
        // (Map(IEndpointRouteBuilder app) => app.MapGet(…)…) are common and costly to bind, and their calls matter by name.
        var bindingMembers = new HashSet<SyntaxNode>();
        foreach (var (_, name, member) in found)
        {
            if (member is not null && !IsEndpointMappingName(name))
            {
                bindingMembers.Add(member);
            }
        }

        var calls = ImmutableArray.CreateBuilder<StartupCandidate>(found.Count);
        foreach (var (invocation, name, member) in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var binding = StartupBinding.NameOnly;
            ClassDeclarationSyntax? @class = null;
            if (member is not null)
            {
                var outside = Binds(member, hostCreatingMembers, bindingMembers, inStartupClass: false);
                @class = member.Parent as ClassDeclarationSyntax;
                var inside = @class is not null && classes.Contains(@class) && Binds(member, hostCreatingMembers, bindingMembers, inStartupClass: true);
                binding = outside ? StartupBinding.Bind : inside ? StartupBinding.IfStartupClass : StartupBinding.NameOnly;
            }

            mayHoldStartup |= binding != StartupBinding.NameOnly;
            calls.Add(new StartupCandidate(invocation, name, binding, binding == StartupBinding.IfStartupClass ? @class : null));
        }

        return new StartupSyntax(calls.MoveToImmutable(), classes.ToImmutable(), derivedClasses.ToImmutable(), mayHoldStartup);
    }

    private static bool Binds(SyntaxNode member, HashSet<SyntaxNode> hostCreatingMembers, HashSet<SyntaxNode> bindingMembers, bool inStartupClass)
        => IsStartupMember(member, hostCreatingMembers, inStartupClass)
            && (bindingMembers.Contains(member) || IsCoreStartupMember(member, hostCreatingMembers, inStartupClass));

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
    private static bool IsCoreStartupMember(SyntaxNode member, HashSet<SyntaxNode> hostCreatingMembers, bool inStartupClass)
        => member is GlobalStatementSyntax
            || hostCreatingMembers.Contains(member)
            || (member is MethodDeclarationSyntax method
                && (method.Identifier.ValueText == "Main"
                    || inStartupClass
                    || (method.ParameterList.Parameters.Count > 0
                        && method.ParameterList.Parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword)
                        && IsBuilderTypeName(method.ParameterList.Parameters[0].Type))));

    /// <summary>Calls that map endpoints (their presence matters, not their symbols).</summary>
    private static bool IsEndpointMappingName(string name)
        => name is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "MapGroup"
            or "MapFallback" or "MapFallbackToFile" or "MapFallbackToController" or "MapFallbackToPage"
            or "RequireAuthorization" or "AllowAnonymous" or "RequireCors" or "RequireHost";

    private static bool IsStartupMember(SyntaxNode member, HashSet<SyntaxNode> hostCreatingMembers, bool inStartupClass)
    {
        if (member is GlobalStatementSyntax || hostCreatingMembers.Contains(member))
        {
            return true;
        }

        if (member is not MethodDeclarationSyntax method)
        {
            return false;
        }

        if (method.Identifier.ValueText == "Main" || inStartupClass)
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

    private static bool MayBeStartup(ClassDeclarationSyntax @class, out bool declaresConfigureServices)
    {
        declaresConfigureServices = false;
        var configures = false;
        foreach (var member in @class.Members)
        {
            if (member is MethodDeclarationSyntax { Identifier.ValueText: "ConfigureServices" or "Configure" } method)
            {
                configures = true;
                declaresConfigureServices |= method.Identifier.ValueText == "ConfigureServices";
            }
        }

        return configures;
    }
}
