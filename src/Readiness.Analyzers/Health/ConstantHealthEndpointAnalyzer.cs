namespace Readiness.Analyzers.Health;

/// <summary>
/// RDY3004: a hand-rolled health endpoint that always answers healthy — <c>app.MapGet("/health", () =&gt; "ok")</c> or a
/// controller action routed <c>health</c> returning <c>Ok("Healthy")</c> — without consulting <c>HealthCheckService</c> or
/// anything else. Liveness routes (<c>/health/live</c>, <c>/alive</c>, <c>/ping</c>) are meant to be constant and are not
/// reported, nor is anything when the app also exposes real health checks with <c>MapHealthChecks</c>/<c>UseHealthChecks</c>
/// (the constant endpoint then serves as the liveness probe).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantHealthEndpointAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY3004_ConstantHealthEndpoint);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var types = environment.Types;
        var endpointRouteBuilder = types.Get("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        if (endpointRouteBuilder is null
            || types.Get("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder") is null)
        {
            return;
        }

        var controllerBase = types.Get("Microsoft.AspNetCore.Mvc.ControllerBase");
        var constant = ConstantResponse.Create(start.Compilation);

        // Bound only for a call that maps a handler written inline on a route that can be a health route: a literal
        // route says so by itself (most Map… calls of an app are ruled out here), a constant one needs the model.
        start.RegisterCandidateAction(
            static node => node is InvocationExpressionSyntax call
                && CandidateOperations.LastIdentifier(call.Expression) is "MapGet" or "MapMethods" or "Map"
                && HasInlineHandler(call)
                && (CandidateOperations.FirstStringLiteralArgument(call) is not { } route || HealthRoutes.Classify(route) == HealthRouteKind.HealthOrReadiness),
            context => Applies(environment, context.CancellationToken),
            context =>
            {
                if (context.Operation is not IInvocationOperation invocation)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                if (method.Name is not ("MapGet" or "MapMethods" or "Map")
                    || !WellKnownTypeProvider.Implements(HealthFacts.ReceiverOf(method), endpointRouteBuilder))
                {
                    return;
                }

                IArgumentOperation? pattern = null;
                IAnonymousFunctionOperation? handler = null;
                foreach (var argument in invocation.Arguments)
                {
                    var name = argument.Parameter?.Name;
                    if (name == "pattern")
                    {
                        pattern = argument;
                    }
                    else if (name is "handler" or "requestDelegate")
                    {
                        handler = AnonymousFunction(argument.Value);
                    }
                }

                if (pattern?.Value.ConstantValue is not { HasValue: true, Value: string route }
                    || handler is null
                    || HealthRoutes.Classify(route) != HealthRouteKind.HealthOrReadiness
                    || !constant.IsConstant(handler.Body))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY3004_ConstantHealthEndpoint,
                    pattern.Value.Syntax.GetLocation(),
                    route));
            },
            SyntaxKind.InvocationExpression);

        if (controllerBase is null)
        {
            return;
        }

        // Controller actions: a public instance method with attributes (the GET route is one); the body is bound
        // only for an action of a controller whose route is a health route.
        start.RegisterMethodAction(
            MayBeHealthAction,
            context =>
        {
            if (context.Method is not { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } action
                || !WellKnownTypeProvider.DerivesFrom(action.ContainingType, controllerBase))
            {
                return;
            }

            var route = ControllerRoute(action);
            if (route is null || HealthRoutes.Classify(route) != HealthRouteKind.HealthOrReadiness)
            {
                return;
            }

            var body = context.GetBody();
            if (body is null
                || !constant.IsConstant(body)
                || !Applies(environment, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RDY3004_ConstantHealthEndpoint,
                action.Locations[0],
                route));
        });
    }

    /// <summary>
    /// A public instance method of a class whose route, as its attributes are written, can be a health route: a route
    /// attribute (<c>Http…</c>, <c>Route</c>) of the method or its class with a literal template whose last segment is a
    /// health route (<c>[controller]</c> read as the class name), or with a template only the semantic model can read (a
    /// constant), or of a partial class (its route may be on another part). Every other action is neither bound nor has its
    /// attributes read.
    /// </summary>
    private static bool MayBeHealthAction(MethodDeclarationSyntax method)
    {
        if (method.AttributeLists.Count == 0
            || !CandidateOperations.IsPublicInstance(method)
            || method.Parent is not ClassDeclarationSyntax type)
        {
            return false;
        }

        var typeName = type.Identifier.ValueText;
        Func<string, bool> isHealthRoute = template => HealthRoutes.Classify(WithController(template, typeName)) == HealthRouteKind.HealthOrReadiness;
        return CandidateOperations.AnyRouteTemplate(method.AttributeLists, isHealthRoute)
            || CandidateOperations.AnyRouteTemplate(type.AttributeLists, isHealthRoute)
            // A partial class may carry its route on another part.
            || type.Modifiers.Any(SyntaxKind.PartialKeyword);
    }

    /// <summary>The route template with <c>[controller]</c> read as the class name without its <c>Controller</c> suffix.</summary>
    private static string WithController(string template, string typeName)
        => template.Replace(
            "[controller]",
            typeName.EndsWith("Controller", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - "Controller".Length) : typeName);

    private static bool HasInlineHandler(InvocationExpressionSyntax call)
    {
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (CandidateOperations.WithoutWrappers(argument.Expression) is AnonymousFunctionExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Applies(RuleEnvironment environment, System.Threading.CancellationToken cancellationToken)
    {
        var facts = HealthFacts.For(environment, cancellationToken);
        return facts is not null && facts.Model.IsWebApp && facts.Exposures.IsEmpty;
    }

    private static IAnonymousFunctionOperation? AnonymousFunction(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } ? function : null;
    }

    /// <summary>
    /// The action's route: its own GET/route template, or (when it has none) the controller's <c>[Route]</c> template with
    /// <c>[controller]</c> replaced. Null when the action does not answer GET by an attribute route.
    /// </summary>
    private static string? ControllerRoute(IMethodSymbol action)
    {
        string? own = null;
        var isGet = false;
        foreach (var attribute in action.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name is "HttpGetAttribute" or "HttpHeadAttribute")
            {
                isGet = true;
                own ??= FirstString(attribute);
            }
            else if (name is "RouteAttribute")
            {
                own ??= FirstString(attribute);
            }
        }

        if (!isGet)
        {
            return null;
        }

        if (own is not null && own.Length > 0)
        {
            return own;
        }

        foreach (var attribute in action.ContainingType.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "RouteAttribute" && FirstString(attribute) is { } template)
            {
                return WithController(template, action.ContainingType.Name);
            }
        }

        return null;
    }

    private static string? FirstString(AttributeData attribute)
        => attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text ? text : null;
}
