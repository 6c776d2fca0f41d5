using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// Minimal hosting in one document: <c>var app = builder.Build();</c>, and the <c>app.Run()</c> (or <c>RunAsync</c>) after
/// it in the same statement list.
/// </summary>
internal sealed class MinimalHost
{
    private MinimalHost(string builderName, StatementSyntax build, VariableDeclaratorSyntax app, StatementSyntax? run)
    {
        BuilderName = builderName;
        Build = build;
        App = app;
        Run = run;
    }

    public string BuilderName { get; }

    /// <summary><c>var app = builder.Build();</c>: registrations go before it.</summary>
    public StatementSyntax Build { get; }

    /// <summary>The <c>app</c> local.</summary>
    public VariableDeclaratorSyntax App { get; }

    public string AppName => App.Identifier.ValueText;

    /// <summary><c>app.Run();</c>, <c>await app.RunAsync();</c>: endpoints go before it. Null when the app is not run there.</summary>
    public StatementSyntax? Run { get; }

    /// <summary>
    /// With <paramref name="anchor"/> (a host-creating call such as <c>WebApplication.CreateBuilder(args)</c> initialising
    /// a local): the <c>Build()</c> of that local after it. Without: the first <c>var app = builder.Build();</c> of the
    /// document whose builder is a <c>WebApplicationBuilder</c>. Null when there is none.
    /// </summary>
    public static MinimalHost? Find(SyntaxNode root, SemanticModel model, SyntaxNode? anchor, CancellationToken cancellationToken)
    {
        if (anchor is not null)
        {
            if (anchor is not InvocationExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax builder } }
                || builder.Parent?.Parent is not LocalDeclarationStatementSyntax builderStatement)
            {
                return null;
            }

            var builderName = builder.Identifier.ValueText;
            var after = MiddlewarePlace.SiblingStatements(builderStatement).SkipWhile(s => s != builderStatement).Skip(1).ToList();
            var index = after.FindIndex(s => BuildOf(s, builderName) is not null);
            return index < 0 ? null : Create(builderName, after[index], after.Skip(index + 1));
        }

        var webApplicationBuilder = WellKnownTypeProvider.For(model.Compilation).Get("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        if (webApplicationBuilder is null)
        {
            return null;
        }

        foreach (var local in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            if (BuildOf(local, null) is { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax builder } }
                && WellKnownTypeProvider.Is(model.GetTypeInfo(builder, cancellationToken).Type, webApplicationBuilder))
            {
                return Create(builder.Identifier.ValueText, local, MiddlewarePlace.SiblingStatements(local).SkipWhile(s => s != local).Skip(1));
            }
        }

        return null;
    }

    private static MinimalHost Create(string builderName, StatementSyntax build, IEnumerable<StatementSyntax> rest)
    {
        var app = ((LocalDeclarationStatementSyntax)build).Declaration.Variables[0];
        var run = rest.FirstOrDefault(s => IsRun(s, app.Identifier.ValueText));
        return new MinimalHost(builderName, build, app, run);
    }

    /// <summary>The <c>builder.Build()</c> initialising the only local of <paramref name="statement"/> (on <paramref name="builderName"/> when given).</summary>
    private static InvocationExpressionSyntax? BuildOf(StatementSyntax statement, string? builderName)
        => statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }
            && variables[0].Initializer?.Value is InvocationExpressionSyntax build
            && build.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax receiver }
            && (builderName is null || receiver.Identifier.ValueText == builderName)
                ? build
                : null;

    /// <summary><c>app.Run();</c>, <c>app.Run("http://…");</c>, <c>await app.RunAsync();</c>.</summary>
    private static bool IsRun(StatementSyntax statement, string appName)
    {
        var expression = (statement as ExpressionStatementSyntax)?.Expression;
        if (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        return expression is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "RunAsync", Expression: IdentifierNameSyntax receiver },
            }
            && receiver.Identifier.ValueText == appName;
    }
}

/// <summary>
/// A <c>Startup</c> class in one document: <c>ConfigureServices(IServiceCollection services)</c> and
/// <c>Configure(IApplicationBuilder app, …)</c> with a body.
/// </summary>
internal sealed class StartupClass
{
    private StartupClass(TypeDeclarationSyntax type, MethodDeclarationSyntax? configureServices, ParameterSyntax? services, MethodDeclarationSyntax? configure, ParameterSyntax? app)
    {
        Type = type;
        ConfigureServices = configureServices;
        Services = services;
        Configure = configure;
        App = app;
    }

    public TypeDeclarationSyntax Type { get; }

    public MethodDeclarationSyntax? ConfigureServices { get; }

    /// <summary>The <c>IServiceCollection</c> parameter of <see cref="ConfigureServices"/>.</summary>
    public ParameterSyntax? Services { get; }

    public MethodDeclarationSyntax? Configure { get; }

    /// <summary>The <c>IApplicationBuilder</c> parameter of <see cref="Configure"/>.</summary>
    public ParameterSyntax? App { get; }

    /// <summary>
    /// With <paramref name="anchor"/> (in <c>ConfigureServices</c>): its class. Without: the first class of the document
    /// with a <c>ConfigureServices(IServiceCollection)</c> or a <c>Configure(IApplicationBuilder)</c>. Null when there is none.
    /// </summary>
    public static StartupClass? Find(SyntaxNode root, SemanticModel model, SyntaxNode? anchor, CancellationToken cancellationToken)
    {
        var types = WellKnownTypeProvider.For(model.Compilation);
        var serviceCollection = types.Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        var applicationBuilder = types.Get("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        IEnumerable<TypeDeclarationSyntax> candidates;
        if (anchor is not null)
        {
            if (anchor.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Identifier.ValueText: "ConfigureServices", Parent: TypeDeclarationSyntax type })
            {
                return null;
            }

            candidates = new[] { type };
        }
        else
        {
            candidates = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<TypeDeclarationSyntax>();
        }

        foreach (var type in candidates)
        {
            MethodDeclarationSyntax? configureServices = null, configure = null;
            ParameterSyntax? services = null, app = null;
            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                if (configureServices is null && method.Identifier.ValueText == "ConfigureServices"
                    && Parameter(method, serviceCollection, model, cancellationToken) is { } servicesParameter)
                {
                    (configureServices, services) = (method, servicesParameter);
                }
                else if (configure is null && method.Identifier.ValueText == "Configure" && method.Body is not null
                    && Parameter(method, applicationBuilder, model, cancellationToken) is { } appParameter)
                {
                    (configure, app) = (method, appParameter);
                }
            }

            if (anchor is not null || configureServices is not null || configure is not null)
            {
                return new StartupClass(type, configureServices, services, configure, app);
            }
        }

        return null;
    }

    /// <summary>The first parameter of <paramref name="method"/> of type <paramref name="type"/>.</summary>
    private static ParameterSyntax? Parameter(MethodDeclarationSyntax method, ITypeSymbol? type, SemanticModel model, CancellationToken cancellationToken)
        => type is null
            ? null
            : method.ParameterList.Parameters.FirstOrDefault(p => WellKnownTypeProvider.Is((model.GetDeclaredSymbol(p, cancellationToken) as IParameterSymbol)?.Type, type));
}
