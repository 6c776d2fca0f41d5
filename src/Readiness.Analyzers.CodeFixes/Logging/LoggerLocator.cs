using Microsoft.CodeAnalysis.FindSymbols;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Logging;

/// <summary>Where the fixed call gets its logger: one already in scope, or one injected into the enclosing class.</summary>
internal sealed class LoggerSource
{
    private LoggerSource(ExpressionSyntax? existing, LoggerInjection? injection)
    {
        Existing = existing;
        Injection = injection;
    }

    /// <summary>An expression for a logger already in scope (<c>_logger</c>, <c>logger</c>, <c>app.Logger</c>).</summary>
    public ExpressionSyntax? Existing { get; }

    /// <summary>The class to inject an <c>ILogger&lt;T&gt;</c> into, and how.</summary>
    public LoggerInjection? Injection { get; }

    public ExpressionSyntax Expression => Existing ?? SyntaxFactory.IdentifierName(Injection!.MemberName);

    public static LoggerSource FromExisting(ExpressionSyntax expression) => new(expression, null);

    public static LoggerSource FromInjection(LoggerInjection injection) => new(null, injection);
}

/// <summary>How to inject <c>ILogger&lt;TClass&gt;</c>, decided once per class from the original document.</summary>
internal sealed class LoggerInjection
{
    public LoggerInjection(TypeDeclarationSyntax declaration, string className, InjectionStyle style, string memberName)
    {
        Declaration = declaration;
        ClassName = className;
        Style = style;
        MemberName = memberName;
    }

    public TypeDeclarationSyntax Declaration { get; }
    public string ClassName { get; }
    public InjectionStyle Style { get; }

    /// <summary>What calls use: the primary-constructor parameter or the field.</summary>
    public string MemberName { get; }
}

internal enum InjectionStyle
{
    PrimaryConstructorParameter,
    ParameterOnExistingConstructor,
    NewConstructor,
}

/// <summary>Finds the <c>ILogger</c> a fix should use at a position; never a service-locator lookup.</summary>
internal sealed class LoggerLocator
{
    private readonly SemanticModel _model;
    private readonly INamedTypeSymbol _iLogger;
    private readonly INamedTypeSymbol? _webApplication;
    private readonly System.Collections.Generic.Dictionary<TypeDeclarationSyntax, LoggerInjection?> _injections = new();

    private LoggerLocator(SemanticModel model, INamedTypeSymbol iLogger)
    {
        _model = model;
        _iLogger = iLogger;
        _webApplication = WellKnownTypeProvider.For(model.Compilation).Get("Microsoft.AspNetCore.Builder.WebApplication");
    }

    public static LoggerLocator? Create(SemanticModel model)
    {
        var iLogger = WellKnownTypeProvider.For(model.Compilation).Get("Microsoft.Extensions.Logging.ILogger");
        return iLogger is null || WellKnownTypeProvider.For(model.Compilation).Get("Microsoft.Extensions.Logging.ILogger`1") is null
            ? null
            : new LoggerLocator(model, iLogger);
    }

    public async Task<LoggerSource?> FindAsync(SyntaxNode call, Solution solution, CancellationToken cancellationToken)
    {
        var position = call.SpanStart;
        var instanceContext = HasInstanceContext(call, cancellationToken);
        var enclosing = EnclosingSymbols(position, cancellationToken);
        ISymbol? best = null;
        var bestRank = int.MaxValue;
        foreach (var symbol in _model.LookupSymbols(position))
        {
            var (type, rank) = symbol switch
            {
                ILocalSymbol local when IsDeclaredBefore(local, position) && enclosing.Contains(local.ContainingSymbol, SymbolEqualityComparer.Default)
                    => (local.Type, 0),
                IParameterSymbol parameter when enclosing.Contains(parameter.ContainingSymbol, SymbolEqualityComparer.Default)
                    => (parameter.Type, 1),
                IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter
                    when instanceContext && enclosing.Contains(constructor.ContainingType, SymbolEqualityComparer.Default)
                    => (parameter.Type, 1),
                IFieldSymbol field when field.IsStatic || instanceContext => (field.Type, 2),
                IPropertySymbol property when property.IsStatic || instanceContext => (property.Type, 3),
                _ => (null, int.MaxValue),
            };

            if (type is null)
            {
                continue;
            }

            if (IsLogger(type))
            {
                if (rank < bestRank)
                {
                    best = symbol;
                    bestRank = rank;
                }
            }
            else if (_webApplication is not null && SymbolEqualityComparer.Default.Equals(type, _webApplication) && rank + 10 < bestRank)
            {
                best = symbol;
                bestRank = rank + 10;
            }
        }

        if (best is not null)
        {
            var name = SyntaxFactory.IdentifierName(EscapeIdentifier(best.Name));
            return LoggerSource.FromExisting(bestRank >= 10
                ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, name, SyntaxFactory.IdentifierName("Logger"))
                : name);
        }

        if (!instanceContext)
        {
            return null;
        }

        // One decision per class: Fix All over many writes in one class searches references once.
        var declaration = call.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (declaration is null)
        {
            return null;
        }

        if (!_injections.TryGetValue(declaration, out var injection))
        {
            injection = await PlanInjectionAsync(declaration, solution, cancellationToken).ConfigureAwait(false);
            _injections[declaration] = injection;
        }

        return injection is null ? null : LoggerSource.FromInjection(injection);
    }

    private bool IsLogger(ITypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(type, _iLogger)
            || type.AllInterfaces.Contains(_iLogger, SymbolEqualityComparer.Default);

    /// <summary>The member at <paramref name="position"/> and every symbol containing it (lambdas, local functions, types).</summary>
    private System.Collections.Generic.List<ISymbol> EnclosingSymbols(int position, CancellationToken cancellationToken)
    {
        var list = new System.Collections.Generic.List<ISymbol>();
        for (var symbol = _model.GetEnclosingSymbol(position, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            list.Add(symbol);
        }

        return list;
    }

    private static bool IsDeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End > position)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether instance members are reachable at <paramref name="call"/>: not in a static member, static lambda or field initializer.</summary>
    private bool HasInstanceContext(SyntaxNode call, CancellationToken cancellationToken)
    {
        for (var symbol = _model.GetEnclosingSymbol(call.SpanStart, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            switch (symbol)
            {
                case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function:
                    if (function.IsStatic)
                    {
                        return false;
                    }

                    continue;

                case IMethodSymbol method:
                    return !method.IsStatic && method.MethodKind != MethodKind.StaticConstructor;

                case IPropertySymbol property:
                    return !property.IsStatic;

                case IEventSymbol @event:
                    return !@event.IsStatic;

                default:
                    return false;
            }
        }

        return false;
    }

    private async Task<LoggerInjection?> PlanInjectionAsync(TypeDeclarationSyntax declaration, Solution solution, CancellationToken cancellationToken)
    {
        if (declaration is not ClassDeclarationSyntax
            || _model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
            || type.IsStatic
            || type.IsAbstract
            || type.IsRecord
            || type.IsGenericType
            || type.DeclaringSyntaxReferences.Length != 1
            || type.ContainingType is not null)
        {
            return null;
        }

        var appModel = ApplicationModel.For(_model.Compilation, solution.GetDocument(declaration.SyntaxTree)?.Project.AnalyzerOptions ?? EmptyOptions, cancellationToken);
        if (!IsCreatedByContainer(type, appModel))
        {
            return null;
        }

        if (HasMember(type, "logger") || HasMember(type, "_logger"))
        {
            return null;
        }

        var derived = await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (derived.Any())
        {
            return null;
        }

        var explicitConstructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();
        foreach (var constructor in type.InstanceConstructors)
        {
            var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
            if (references.Any(r => r.Locations.Any()))
            {
                // Someone constructs it with 'new': a new constructor parameter would break them.
                return null;
            }
        }

        var className = type.Name;
        var classDeclaration = (ClassDeclarationSyntax)declaration;
        if (classDeclaration.ParameterList is { } parameters)
        {
            if (explicitConstructors.Count != 1 || parameters.Parameters.Any(p => p.Identifier.ValueText == "logger"))
            {
                return null;
            }

            return new LoggerInjection(declaration, className, InjectionStyle.PrimaryConstructorParameter, "logger");
        }

        var fieldName = UsesUnderscoreFields(classDeclaration) ? "_logger" : "logger";
        switch (explicitConstructors.Count)
        {
            case 0:
                return new LoggerInjection(declaration, className, InjectionStyle.NewConstructor, fieldName);

            case 1 when explicitConstructors[0].DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax { Body: not null } constructor
                && !constructor.ParameterList.Parameters.Any(p => p.Identifier.ValueText == "logger" || p.Modifiers.Any(SyntaxKind.ParamsKeyword)):
                return new LoggerInjection(declaration, className, InjectionStyle.ParameterOnExistingConstructor, fieldName);

            default:
                return null;
        }
    }

    private static readonly Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions EmptyOptions =
        new(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);

    private static bool HasMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static bool UsesUnderscoreFields(ClassDeclarationSyntax declaration)
    {
        var sawField = false;
        foreach (var field in declaration.Members.OfType<FieldDeclarationSyntax>())
        {
            if (field.Modifiers.Any(SyntaxKind.ConstKeyword) || field.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                continue;
            }

            foreach (var variable in field.Declaration.Variables)
            {
                sawField = true;
                if (variable.Identifier.ValueText.StartsWith("_", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return !sawField;
    }

    /// <summary>Controllers, pages, hubs, view components, middleware, hosted services, health checks, and classes the app registers.</summary>
    private static bool IsCreatedByContainer(INamedTypeSymbol type, ApplicationModel appModel)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var name = current.ToDisplayString();
            if (name is "Microsoft.AspNetCore.Mvc.ControllerBase"
                or "Microsoft.AspNetCore.Mvc.RazorPages.PageModel"
                or "Microsoft.AspNetCore.SignalR.Hub"
                or "Microsoft.AspNetCore.Mvc.ViewComponent"
                or "Microsoft.Extensions.Hosting.BackgroundService")
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            var name = @interface.OriginalDefinition.ToDisplayString();
            if (name is "Microsoft.Extensions.Hosting.IHostedService"
                or "Microsoft.AspNetCore.Http.IMiddleware"
                or "Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck")
            {
                return true;
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { Name: "Invoke" or "InvokeAsync", Parameters.Length: > 0 } method
                && method.Parameters[0].Type.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpContext")
            {
                return true;
            }
        }

        foreach (var call in appModel.Calls)
        {
            foreach (var typeArgument in call.Method.TypeArguments)
            {
                if (SymbolEqualityComparer.Default.Equals(typeArgument, type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
