namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4003: account lockout turned off or too weak to stop online guessing —
/// <c>SignInManager.PasswordSignInAsync(…, lockoutOnFailure: false)</c> / <c>CheckPasswordSignInAsync(…, false)</c>,
/// <c>Lockout.AllowedForNewUsers = false</c>, <c>Lockout.MaxFailedAccessAttempts</c> above the threshold (10 by default),
/// <c>Lockout.DefaultLockoutTimeSpan</c> below one minute.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AccountLockoutAnalyzer : ReadinessAnalyzer
{
    /// <summary>The lockout time the fix writes: the framework default, 5 minutes.</summary>
    internal const int FixedLockoutMinutes = 5;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY4003_AccountLockoutWeakOrDisabled);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var signInManager = environment.Types.Get("Microsoft.AspNetCore.Identity.SignInManager`1");
        var lockoutOptions = environment.Types.Get("Microsoft.AspNetCore.Identity.LockoutOptions");
        var timeSpan = environment.Types.Get("System.TimeSpan");
        if (signInManager is not null)
        {
            start.RegisterInvocationAction(static name => name is "PasswordSignInAsync" or "CheckPasswordSignInAsync", method => IsSignIn(method, signInManager), context => AnalyzeSignIn(context, environment, signInManager));
        }

        if (lockoutOptions is not null && timeSpan is not null)
        {
            start.RegisterAssignmentAction(
                static name => name is "AllowedForNewUsers" or "MaxFailedAccessAttempts" or "DefaultLockoutTimeSpan",
                target => SymbolEqualityComparer.Default.Equals(target.ContainingType, lockoutOptions),
                context => AnalyzeOptions(context, environment, lockoutOptions, timeSpan));
        }
    }

    private static void AnalyzeSignIn(OperationContext context, RuleEnvironment environment, INamedTypeSymbol signInManager)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!IsSignIn(method, signInManager))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "lockoutOnFailure"
                && argument.ArgumentKind == ArgumentKind.Explicit
                && PasswordRules.IsConstantFalse(argument.Value)
                && environment.Applies(invocation.Syntax.SyntaxTree, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY4003_AccountLockoutWeakOrDisabled,
                    argument.Value.Syntax.GetLocation(),
                    PasswordRules.Fix(FixKinds.True),
                    method.Name + "(…, lockoutOnFailure: false) never counts failed attempts, so the account is never locked out"));
            }
        }
    }

    private static bool IsSignIn(IMethodSymbol method, INamedTypeSymbol signInManager)
        => method.Name is "PasswordSignInAsync" or "CheckPasswordSignInAsync" && DeclaredBy(method, signInManager);

    private static bool DeclaredBy(IMethodSymbol method, INamedTypeSymbol type)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeOptions(OperationContext context, RuleEnvironment environment, INamedTypeSymbol lockoutOptions, INamedTypeSymbol timeSpan)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, lockoutOptions))
        {
            return;
        }

        var tree = assignment.Syntax.SyntaxTree;
        string message;
        ImmutableDictionary<string, string?> fix;
        switch (property.Name)
        {
            case "AllowedForNewUsers" when PasswordRules.IsConstantFalse(assignment.Value):
                message = "Lockout.AllowedForNewUsers = false turns lockout off for every account created from now on";
                fix = PasswordRules.Fix(FixKinds.True);
                break;

            case "MaxFailedAccessAttempts" when PasswordRules.TryGetInt(assignment.Value, out var attempts):
                var maximum = context.Options.Get(ReadinessOptions.PasswordMaxFailedAttempts, tree);
                if (attempts <= maximum)
                {
                    return;
                }

                message = "Lockout.MaxFailedAccessAttempts = " + PasswordRules.Number(attempts) + " allows that many guesses before a lockout (at most " + maximum + ")";
                fix = PasswordRules.Fix(FixKinds.Integer, maximum);
                break;

            case "DefaultLockoutTimeSpan" when TryGetTimeSpan(assignment.Value, timeSpan, out var span):
                if (span >= TimeSpan.FromMinutes(1))
                {
                    return;
                }

                message = "Lockout.DefaultLockoutTimeSpan = " + Describe(span) + " unlocks the account before it slows guessing down (use a minute or more)";
                fix = PasswordRules.Fix(FixKinds.Minutes, FixedLockoutMinutes);
                break;

            default:
                return;
        }

        if (!environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4003_AccountLockoutWeakOrDisabled,
            assignment.Value.Syntax.GetLocation(),
            fix,
            message));
    }

    private static string Describe(TimeSpan span)
        => span.TotalSeconds >= 1
            ? span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : span.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    /// <summary><c>TimeSpan.FromX(constant)</c>, <c>TimeSpan.Zero</c>, <c>new TimeSpan(ticks)</c>, <c>new TimeSpan(h, m, s)</c>, <c>new TimeSpan(d, h, m, s)</c>.</summary>
    private static bool TryGetTimeSpan(IOperation value, INamedTypeSymbol timeSpan, out TimeSpan span)
    {
        span = default;
        value = PasswordRules.WithoutConversions(value);
        switch (value)
        {
            case IFieldReferenceOperation { Field: { Name: "Zero" } field } when SymbolEqualityComparer.Default.Equals(field.ContainingType, timeSpan):
                span = TimeSpan.Zero;
                return true;

            case IInvocationOperation invocation
                when invocation.TargetMethod.IsStatic
                    && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, timeSpan)
                    && OnlyFirstArgumentIsExplicit(invocation)
                    && TryGetDouble(invocation.Arguments[0].Value, out var amount):
                try
                {
                    switch (invocation.TargetMethod.Name)
                    {
                        case "FromMilliseconds": span = TimeSpan.FromMilliseconds(amount); return true;
                        case "FromSeconds": span = TimeSpan.FromSeconds(amount); return true;
                        case "FromMinutes": span = TimeSpan.FromMinutes(amount); return true;
                        case "FromHours": span = TimeSpan.FromHours(amount); return true;
                        case "FromDays": span = TimeSpan.FromDays(amount); return true;
                        case "FromTicks": span = TimeSpan.FromTicks((long)amount); return true;
                        default: return false;
                    }
                }
                catch (OverflowException)
                {
                    return false;
                }
                catch (ArgumentException)
                {
                    return false;
                }

            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, timeSpan):
                var parts = new long[creation.Arguments.Length];
                for (var i = 0; i < parts.Length; i++)
                {
                    if (!PasswordRules.TryGetInt(creation.Arguments[i].Value, out parts[i]))
                    {
                        return false;
                    }
                }

                try
                {
                    switch (parts.Length)
                    {
                        case 1: span = new TimeSpan(parts[0]); return true;
                        case 3: span = new TimeSpan((int)parts[0], (int)parts[1], (int)parts[2]); return true;
                        case 4: span = new TimeSpan((int)parts[0], (int)parts[1], (int)parts[2], (int)parts[3]); return true;
                        default: return false;
                    }
                }
                catch (ArgumentOutOfRangeException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool OnlyFirstArgumentIsExplicit(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length == 0 || invocation.Arguments[0].ArgumentKind != ArgumentKind.Explicit)
        {
            return false;
        }

        for (var i = 1; i < invocation.Arguments.Length; i++)
        {
            if (invocation.Arguments[i].ArgumentKind != ArgumentKind.DefaultValue)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryGetDouble(IOperation operation, out double value)
    {
        var constant = PasswordRules.WithoutConversions(operation).ConstantValue;
        switch (constant.HasValue ? constant.Value : null)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            default: value = 0; return false;
        }
    }
}
