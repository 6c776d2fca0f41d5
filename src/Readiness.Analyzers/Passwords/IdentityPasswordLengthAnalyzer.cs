using Readiness.Analyzers.AppModel.Facts;

namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4001: <c>PasswordOptions.RequiredLength</c> set below the minimum (12 by default) — in an <c>AddIdentity</c>,
/// <c>AddIdentityCore</c>, <c>AddDefaultIdentity</c>, <c>AddIdentityApiEndpoints</c> or <c>Configure&lt;IdentityOptions&gt;</c>/<c>Configure&lt;PasswordOptions&gt;</c>
/// lambda, an options class or an object initializer, constants followed — and Identity registered while no code sets
/// <c>RequiredLength</c> at all (the framework default is 6).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentityPasswordLengthAnalyzer : ReadinessAnalyzer
{
    /// <summary>ASP.NET Core Identity's default <c>RequiredLength</c>.</summary>
    internal const int FrameworkDefaultLength = 6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY4001_IdentityPasswordTooShort);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var passwordOptions = environment.Types.Get("Microsoft.AspNetCore.Identity.PasswordOptions");
        if (passwordOptions is null)
        {
            return;
        }

        var identityBuilder = environment.Types.Get("Microsoft.AspNetCore.Identity.IdentityBuilder");
        start.RegisterAssignmentAction(
            static name => name == "RequiredLength",
            target => target is IPropertySymbol property && PasswordRules.Is(property, passwordOptions, "RequiredLength"),
            context => AnalyzeAssignment(context, environment, passwordOptions));
        if (identityBuilder is not null)
        {
            environment.RegisterStartupAction(start, StartupFeature.Identity, (context, model) => AnalyzeImportedRegistrations(context, model));
            start.RegisterInvocationAction(
                static name => name is "AddIdentity" or "AddIdentityCore" or "AddDefaultIdentity" or "AddIdentityApiEndpoints",
                method => IsRegistration(method, identityBuilder),
                context => AnalyzeRegistration(context, environment, identityBuilder));
        }
    }

    private static void AnalyzeAssignment(OperationContext context, RuleEnvironment environment, INamedTypeSymbol passwordOptions)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !PasswordRules.Is(property, passwordOptions, "RequiredLength")
            || !PasswordRules.TryGetInt(assignment.Value, out var length))
        {
            return;
        }

        var tree = assignment.Syntax.SyntaxTree;
        var minimum = context.Options.Get(ReadinessOptions.PasswordMinimumLength, tree);
        if (length >= minimum || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4001_IdentityPasswordTooShort,
            assignment.Value.Syntax.GetLocation(),
            PasswordRules.Fix(FixKinds.Integer, minimum),
            PasswordRules.Number(length),
            string.Empty,
            minimum));
    }

    /// <summary>The Identity registrations (<c>AddIdentity…</c> returning an <c>IdentityBuilder</c>).</summary>
    private static bool IsRegistration(IMethodSymbol method, INamedTypeSymbol identityBuilder)
        => method.Name is "AddIdentity" or "AddIdentityCore" or "AddDefaultIdentity" or "AddIdentityApiEndpoints"
            && SymbolEqualityComparer.Default.Equals(method.ReturnType, identityBuilder);

    private static void AnalyzeRegistration(OperationContext context, RuleEnvironment environment, INamedTypeSymbol identityBuilder)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!IsRegistration(method, identityBuilder)
            || invocation.Syntax is not InvocationExpressionSyntax syntax)
        {
            return;
        }

        var tree = syntax.SyntaxTree;
        if (!environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        // Password options configured through a method group, or bound inside the lambda: we cannot see the length.
        // The fix edits the extension-method call form (services.AddIdentity…(…)) with no argument or one one-parameter lambda.
        var fixable = syntax.Expression is MemberAccessExpressionSyntax && method.IsExtensionMethod;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && method.IsExtensionMethod)
            {
                // services.AddIdentity…(): the receiver is an implicit argument; a static call passes it explicitly.
                fixable &= argument.IsImplicit;
                continue;
            }

            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null)
            {
                continue;
            }

            if (PasswordRules.WithoutConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                if (CallsSomethingThatMayBind(lambda))
                {
                    return;
                }

                fixable &= lambda.Symbol.Parameters.Length == 1 && lambda.Syntax is LambdaExpressionSyntax;

                continue;
            }

            return;
        }

        // The missing-length form speaks for the app: a library that registers Identity cannot see whether the host
        // sets RequiredLength in another assembly, so only apps (web apps, workers) get it.
        if (!environment.Project.IsApp(context.CancellationToken)
            || IdentityOptionsScan.For(context.Compilation, context.CancellationToken).PasswordLengthMayBeSet
            || environment.Model(context.CancellationToken) is var model && (model.Delegates(StartupFeature.Identity) || IdentityFacts.ImportedMaySetPasswordLength(model)))
        {
            return;
        }

        var minimum = context.Options.Get(ReadinessOptions.PasswordMinimumLength, tree);
        if (minimum <= FrameworkDefaultLength)
        {
            return;
        }

        var name = syntax.Expression is MemberAccessExpressionSyntax access ? access.Name : (SyntaxNode)syntax.Expression;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4001_IdentityPasswordTooShort,
            name.GetLocation(),
            fixable ? PasswordRules.Fix(FixKinds.AddRequiredLength, minimum) : null,
            PasswordRules.Number(FrameworkDefaultLength),
            " (the framework default: RequiredLength is never set)",
            minimum));
    }

    /// <summary>
    /// The missing-length form across projects: another project's start-up method the app calls registers Identity, and
    /// neither that project nor the app may set <c>RequiredLength</c>. Reported on the call into the project.
    /// </summary>
    private static void AnalyzeImportedRegistrations(SemanticModelAnalysisContext context, ApplicationModel model)
    {
        if (model.Imported.IsEmpty
            || IdentityFacts.ImportedMaySetPasswordLength(model)
            || IdentityOptionsScan.For(context.SemanticModel.Compilation, context.CancellationToken).PasswordLengthMayBeSet)
        {
            return;
        }

        var tree = context.SemanticModel.SyntaxTree;
        var minimum = context.Options.Get(ReadinessOptions.PasswordMinimumLength, tree);
        if (minimum <= FrameworkDefaultLength)
        {
            return;
        }

        var reported = new HashSet<PipelineCall>();
        foreach (var imported in model.Imported)
        {
            if (IdentityFacts.IsRegistration(imported.Fact) && imported.Via.Location.SourceTree == tree && reported.Add(imported.Via))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY4001_IdentityPasswordTooShort,
                    imported.Via.Location,
                    PasswordRules.Number(FrameworkDefaultLength),
                    " (" + imported.Name + " in " + imported.Source + ": RequiredLength is never set)",
                    minimum));
            }
        }
    }

    private static bool CallsSomethingThatMayBind(IAnonymousFunctionOperation lambda)
    {
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Bind" or "Configure" or "GetSection" })
            {
                return true;
            }

            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Password" } })
            {
                return true;
            }
        }

        return false;
    }
}
