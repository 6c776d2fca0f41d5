namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5006: in a web app that uses the built-in rate limiter, an anonymous authentication endpoint — login, registration,
/// token, password reset, two-factor — that no global limiter and no policy covers, or that disables rate limiting.
/// Recognised by route template segments, action names, and calls to <c>SignInManager</c>/<c>UserManager</c> password APIs.
/// Endpoints behind <c>[Authorize]</c>/<c>RequireAuthorization()</c> and minimal-API endpoints on a route-group variable
/// (whose conventions cannot be seen) are left alone. Apps without the built-in limiter are RDY5001's business.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthEndpointWithoutRateLimitAnalyzer : ReadinessAnalyzer
{
    private const string NotCovered = "no rate limiting policy or global limiter covers it";
    private const string Disabled = "disables rate limiting";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5006_AuthEndpointWithoutRateLimit);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var types = new Types(environment.Types);
        if (types.EnableRateLimiting is null || types.DisableRateLimiting is null)
        {
            return;
        }

        if (types.ControllerBase is not null)
        {
            start.RegisterMethodAction(MayBeAuthAction, context => AnalyzeAction(context, types, Facts.Get(environment.Project, context.CancellationToken)));
        }

        // Bound only for a call whose literal route is an authentication route (or whose route only the model can read).
        start.RegisterCandidateAction(
            static node => node is InvocationExpressionSyntax call
                && CandidateOperations.LastIdentifier(call.Expression) is { } name
                && IsMapName(name)
                && (name == "MapIdentityApi" || CandidateOperations.FirstStringLiteralArgument(call) is not { } route || IsAuthRoute(route)),
            context => Facts.Get(environment.Project, context.CancellationToken) is not null,
            context => AnalyzeMap(context, types, Facts.Get(environment.Project, context.CancellationToken)),
            SyntaxKind.InvocationExpression);
    }

    private sealed class Types
    {
        public Types(WellKnownTypeProvider types)
        {
            ControllerBase = types.Get("Microsoft.AspNetCore.Mvc.ControllerBase");
            EnableRateLimiting = types.Get("Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
            DisableRateLimiting = types.Get("Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute");
            Authorize = types.Get("Microsoft.AspNetCore.Authorization.AuthorizeAttribute");
            AllowAnonymous = types.Get("Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute");
            NonAction = types.Get("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            SignInManager = types.Get("Microsoft.AspNetCore.Identity.SignInManager`1");
            UserManager = types.Get("Microsoft.AspNetCore.Identity.UserManager`1");
            WebApplication = types.Get("Microsoft.AspNetCore.Builder.WebApplication");
        }

        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? EnableRateLimiting { get; }
        public INamedTypeSymbol? DisableRateLimiting { get; }
        public INamedTypeSymbol? Authorize { get; }
        public INamedTypeSymbol? AllowAnonymous { get; }
        public INamedTypeSymbol? NonAction { get; }
        public INamedTypeSymbol? SignInManager { get; }
        public INamedTypeSymbol? UserManager { get; }
        public INamedTypeSymbol? WebApplication { get; }
    }

    /// <summary>
    /// The app uses the built-in limiter and the rule can see all of it (null otherwise: RDY5001's case), worked out once per
    /// compilation and options — it walks the model's calls, and every public method and Map… candidate asks.
    /// </summary>
    private static readonly Memo<ProjectScope, RateLimiterFacts?> Facts = new(static (scope, cancellationToken) =>
        scope.WebApp(cancellationToken) is { } model
            && !model.Delegates(StartupFeature.RateLimiting)
            && !RateLimitingPipeline.HasImportedCalls(model)
            && !RateLimitingPipeline.Registrations(model).IsEmpty
            && !RateLimitingPipeline.Middleware(model).IsEmpty
                ? RateLimiterFacts.For(scope.Compilation, cancellationToken)
                : null);

    /// <summary>
    /// Before any symbol is asked for: a public instance method of a class with a base list (a controller derives from
    /// <c>ControllerBase</c>, here or in another part of the class) that has an authentication name, a route attribute
    /// (<c>[Http…]</c>, <c>[Route]</c>) with an authentication template or a template only binding can read (a constant),
    /// or a call to a password API by name. The other public methods — most of them — are never bound.
    /// </summary>
    private static bool MayBeAuthAction(MethodDeclarationSyntax method)
    {
        if (!CandidateOperations.IsPublicInstance(method)
            || method.Parent is not ClassDeclarationSyntax type
            || (type.BaseList is null && !type.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return false;
        }

        return IsAuthActionName(method.Identifier.ValueText)
            || CandidateOperations.AnyRouteTemplate(method.AttributeLists, IsAuthRoute)
            || CandidateOperations.InvokesAny(method, IsPasswordApiName);
    }

    private static bool IsMapName(string name)
        => name is "MapPost" or "MapPut" or "MapPatch" or "MapDelete" or "MapMethods" or "Map" or "MapIdentityApi";

    private static void AnalyzeAction(MethodContext context, Types types, RateLimiterFacts? facts)
    {
        // Without the built-in limiter registered and applied (RDY5001's case) there is nothing to judge: no attribute is
        // read and no body bound.
        if (facts is null)
        {
            return;
        }

        if (context.Method is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } action
            || !WellKnownTypeProvider.DerivesFrom(action.ContainingType, types.ControllerBase)
            || HasAttribute(action, types.NonAction))
        {
            return;
        }

        // A GET-only action named Login is the page that shows the form; the POST beside it is what gets attacked.
        if ((IsGetOnly(action) || (!IsAuthActionName(action.Name) && !HasAuthRoute(action))) && !CallsPasswordApi(context, types))
        {
            return;
        }

        var requiresAuthorization = (HasAttribute(action, types.Authorize) || HasAttribute(action.ContainingType, types.Authorize, inherited: true))
            && !HasAttribute(action, types.AllowAnonymous);
        if (requiresAuthorization)
        {
            return;
        }

        string? reason = null;
        if (HasAttribute(action, types.DisableRateLimiting) || HasAttribute(action.ContainingType, types.DisableRateLimiting, inherited: true))
        {
            // A method-level [EnableRateLimiting] wins over a class-level [DisableRateLimiting].
            if (!HasAttribute(action, types.EnableRateLimiting))
            {
                reason = Disabled;
            }
        }
        else if (!facts.HasGlobalLimiter
            && !facts.ControllersRequireRateLimiting
            && !HasAttribute(action, types.EnableRateLimiting)
            && !HasAttribute(action.ContainingType, types.EnableRateLimiting, inherited: true))
        {
            reason = NotCovered;
        }

        if (reason is not null && action.Locations.Length > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RDY5006_AuthEndpointWithoutRateLimit,
                action.Locations[0],
                action.ContainingType.Name + "." + action.Name,
                reason));
        }
    }

    private static void AnalyzeMap(OperationContext context, Types types, RateLimiterFacts? facts)
    {
        if (context.Operation is not IInvocationOperation invocation)
        {
            return;
        }

        var method = invocation.TargetMethod;
        var name = method.Name;
        if (!IsMapName(name)
            || invocation.Syntax is not InvocationExpressionSyntax syntax)
        {
            return;
        }

        var definition = method.ReducedFrom ?? method;
        var containing = definition.ContainingType?.Name;

        // Only endpoints mapped straight on the app: a route group may carry conventions this rule cannot see.
        var receiver = definition.Parameters.Length > 0 ? Argument(invocation, definition.Parameters[0].Name)?.Value : invocation.Instance;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        if (receiver?.Type is null || !SymbolEqualityComparer.Default.Equals(receiver.Type, types.WebApplication))
        {
            return;
        }

        string display;
        Location location;
        if (name == "MapIdentityApi")
        {
            if (containing != "IdentityApiEndpointRouteBuilderExtensions")
            {
                return;
            }

            display = "MapIdentityApi";
            location = syntax.Expression is MemberAccessExpressionSyntax member ? member.Name.GetLocation() : syntax.GetLocation();
        }
        else
        {
            if (containing != "EndpointRouteBuilderExtensions")
            {
                return;
            }

            var pattern = Argument(invocation, "pattern");
            if (pattern is null || pattern.Value.ConstantValue is not { HasValue: true, Value: string template } || !IsAuthRoute(template))
            {
                return;
            }

            var handler = Argument(invocation, "handler")?.Value;
            if (handler?.Syntax is LambdaExpressionSyntax lambda && LambdaHasAttribute(lambda, "EnableRateLimiting"))
            {
                return;
            }

            display = template;
            location = pattern.Value.Syntax.GetLocation();
        }

        // Conventions chained on the endpoint: .RequireRateLimiting(…), .DisableRateLimiting(), .RequireAuthorization().
        var disabled = false;
        for (SyntaxNode current = syntax; current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer; current = outer)
        {
            switch (access.Name.Identifier.ValueText)
            {
                case "RequireRateLimiting":
                case "RequireAuthorization":
                    return;
                case "DisableRateLimiting":
                    disabled = true;
                    break;
            }
        }

        if (facts is null || (!disabled && facts.HasGlobalLimiter))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY5006_AuthEndpointWithoutRateLimit,
            location,
            display.Length <= 60 ? display : display.Substring(0, 57) + "...",
            disabled ? Disabled : NotCovered));
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    private static bool LambdaHasAttribute(LambdaExpressionSyntax lambda, string name)
    {
        foreach (var list in lambda.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var text = attribute.Name is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : attribute.Name.ToString();
                if (text == name || text == name + "Attribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly ImmutableHashSet<string> AuthSegments = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "login", "log-in", "logon", "signin", "sign-in", "register", "signup", "sign-up", "token", "refresh-token", "refreshtoken",
        "forgot-password", "forgotpassword", "reset-password", "resetpassword", "2fa", "two-factor", "twofactor", "mfa",
        "loginwith2fa", "login-with-2fa", "verify-otp", "authenticate");

    private static readonly ImmutableHashSet<string> AuthActionNames = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Login", "LogIn", "Logon", "SignIn", "Register", "SignUp", "Token", "GetToken", "CreateToken", "RefreshToken",
        "ForgotPassword", "ResetPassword", "Authenticate", "LoginWith2fa", "LoginWithRecoveryCode", "VerifyTwoFactor",
        "TwoFactorLogin", "VerifyOtp");

    internal static bool IsAuthRoute(string template)
    {
        foreach (var segment in template.Split('/'))
        {
            if (AuthSegments.Contains(segment.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAuthActionName(string name)
    {
        if (name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 5);
        }

        return AuthActionNames.Contains(name);
    }

    /// <summary>[HttpPost("login")], [Route("token")] on the action.</summary>
    private static bool HasAuthRoute(IMethodSymbol action)
    {
        foreach (var attribute in action.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null || !(type.Name.StartsWith("Http", StringComparison.Ordinal) || type.Name == "RouteAttribute"))
            {
                continue;
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is string template && IsAuthRoute(template))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsGetOnly(IMethodSymbol action)
    {
        var get = false;
        foreach (var attribute in action.GetAttributes())
        {
            switch (attribute.AttributeClass?.Name)
            {
                case "HttpGetAttribute":
                case "HttpHeadAttribute":
                    get = true;
                    break;
                case "HttpPostAttribute":
                case "HttpPutAttribute":
                case "HttpPatchAttribute":
                case "HttpDeleteAttribute":
                case "AcceptVerbsAttribute":
                    return false;
            }
        }

        return get;
    }

    private static bool CallsPasswordApi(MethodContext context, Types types)
    {
        if ((types.SignInManager is null && types.UserManager is null)
            || !CandidateOperations.InvokesAny(context.Syntax, IsPasswordApiName)
            || context.GetBody() is not { } body)
        {
            return false;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation call)
            {
                continue;
            }

            var target = call.TargetMethod;
            var owner = target.ContainingType?.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(owner, types.SignInManager) && IsSignInPasswordApi(target.Name))
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(owner, types.UserManager)
                && IsUserManagerPasswordApi(target.Name)
                && (target.Name != "CreateAsync" || target.Parameters.Length == 2))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of the password APIs, for the syntax test before binding and the symbol test after it.</summary>
    private static bool IsPasswordApiName(string name) => IsSignInPasswordApi(name) || IsUserManagerPasswordApi(name);

    /// <summary><c>SignInManager&lt;T&gt;</c> methods that check a password or a second factor.</summary>
    private static bool IsSignInPasswordApi(string name)
        => name is "PasswordSignInAsync" or "CheckPasswordSignInAsync" or "TwoFactorSignInAsync" or "TwoFactorAuthenticatorSignInAsync"
            or "TwoFactorRecoveryCodeSignInAsync";

    /// <summary><c>UserManager&lt;T&gt;</c> methods that check, reset or set a password (<c>CreateAsync(user, password)</c>).</summary>
    private static bool IsUserManagerPasswordApi(string name)
        => name is "CheckPasswordAsync" or "ResetPasswordAsync" or "GeneratePasswordResetTokenAsync" or "CreateAsync";

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType, bool inherited = false)
    {
        if (attributeType is null)
        {
            return false;
        }

        for (var current = symbol; current is not null; current = inherited && current is INamedTypeSymbol named ? named.BaseType : null)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (WellKnownTypeProvider.DerivesFrom(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
