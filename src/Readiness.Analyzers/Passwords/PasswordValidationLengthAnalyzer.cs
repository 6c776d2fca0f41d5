namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4004: a validation rule on a new-password member that accepts passwords shorter than the minimum (12 by default):
/// <c>[MinLength(n)]</c>, <c>[StringLength(max, MinimumLength = n)]</c>, <c>[Length(n, max)]</c> on a property, field or
/// parameter, and FluentValidation <c>RuleFor(x => x.Password).MinimumLength(n)</c> / <c>.Length(n, max)</c>.
/// Current, old and one-time passwords, and the password of a sign-in form, are not new passwords and are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PasswordValidationLengthAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY4004_ValidationPermitsShortPassword);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var attributes = (
            MinLength: environment.Types.Get("System.ComponentModel.DataAnnotations.MinLengthAttribute"),
            StringLength: environment.Types.Get("System.ComponentModel.DataAnnotations.StringLengthAttribute"),
            Length: environment.Types.Get("System.ComponentModel.DataAnnotations.LengthAttribute"));
        if (attributes.MinLength is not null || attributes.StringLength is not null || attributes.Length is not null)
        {
            start.RegisterSymbolAction(context => AnalyzeSymbol(context, environment, attributes), SymbolKind.Property, SymbolKind.Field, SymbolKind.Method);
        }

        if (environment.Types.Get("FluentValidation.DefaultValidatorExtensions") is { } fluentExtensions)
        {
            start.RegisterInvocationAction(static name => name is "MinimumLength" or "Length", method => IsFluentLength(method, fluentExtensions), context => AnalyzeFluent(context, environment, fluentExtensions));
        }
    }

    private static void AnalyzeSymbol(SymbolAnalysisContext context, RuleEnvironment environment, (INamedTypeSymbol? MinLength, INamedTypeSymbol? StringLength, INamedTypeSymbol? Length) attributes)
    {
        switch (context.Symbol)
        {
            case IMethodSymbol method:
                foreach (var parameter in method.Parameters)
                {
                    AnalyzeMember(context, environment, attributes, parameter);
                }

                break;
            case IPropertySymbol or IFieldSymbol:
                AnalyzeMember(context, environment, attributes, context.Symbol);
                break;
        }
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, RuleEnvironment environment, (INamedTypeSymbol? MinLength, INamedTypeSymbol? StringLength, INamedTypeSymbol? Length) attributes, ISymbol member)
    {
        if (!PasswordRules.IsNewPasswordName(member.Name)
            || PasswordRules.IsSignInType(member.ContainingType)
            || member is IParameterSymbol { ContainingSymbol: IMethodSymbol method } && PasswordRules.IsSignInName(method.Name))
        {
            return;
        }

        foreach (var attribute in member.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null || attribute.ApplicationSyntaxReference is null)
            {
                continue;
            }

            int? minimumLength = null;
            int? maximumLength = null;
            ExpressionSyntax? minimumSyntax = null;
            var syntax = attribute.ApplicationSyntaxReference.GetSyntax(context.CancellationToken) as AttributeSyntax;
            var arguments = syntax?.ArgumentList?.Arguments;
            if (SymbolEqualityComparer.Default.Equals(attributeClass, attributes.MinLength)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int minLength)
            {
                minimumLength = minLength;
                minimumSyntax = Positional(arguments, 0);
            }
            else if (SymbolEqualityComparer.Default.Equals(attributeClass, attributes.Length)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is int lengthMin
                && attribute.ConstructorArguments[1].Value is int lengthMax)
            {
                minimumLength = lengthMin;
                maximumLength = lengthMax;
                minimumSyntax = Positional(arguments, 0);
            }
            else if (SymbolEqualityComparer.Default.Equals(attributeClass, attributes.StringLength)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int stringMax)
            {
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "MinimumLength" && named.Value.Value is int stringMin)
                    {
                        minimumLength = stringMin;
                        maximumLength = stringMax;
                        minimumSyntax = Named(arguments, "MinimumLength");
                    }
                }
            }

            if (minimumLength is null || minimumSyntax is null)
            {
                continue;
            }

            var tree = minimumSyntax.SyntaxTree;
            var minimum = context.Options.Get(ReadinessOptions.PasswordMinimumLength, tree);
            if (minimumLength >= minimum || !environment.Applies(tree, context.CancellationToken))
            {
                continue;
            }

            var fixable = maximumLength is null || maximumLength >= minimum;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RDY4004_ValidationPermitsShortPassword,
                minimumSyntax.GetLocation(),
                fixable ? PasswordRules.Fix(FixKinds.Integer, minimum) : null,
                "[" + ShortName(attributeClass.Name) + "]",
                minimumLength,
                member.Name,
                minimum));
        }
    }

    private static string ShortName(string attributeName)
        => attributeName.EndsWith("Attribute", System.StringComparison.Ordinal) ? attributeName.Substring(0, attributeName.Length - "Attribute".Length) : attributeName;

    private static ExpressionSyntax? Positional(SeparatedSyntaxList<AttributeArgumentSyntax>? arguments, int index)
    {
        if (arguments is null)
        {
            return null;
        }

        var position = 0;
        foreach (var argument in arguments.Value)
        {
            if (argument.NameEquals is not null || argument.NameColon is not null)
            {
                return null;
            }

            if (position++ == index)
            {
                return argument.Expression;
            }
        }

        return null;
    }

    private static ExpressionSyntax? Named(SeparatedSyntaxList<AttributeArgumentSyntax>? arguments, string name)
    {
        if (arguments is null)
        {
            return null;
        }

        foreach (var argument in arguments.Value)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.Expression;
            }
        }

        return null;
    }

    /// <summary>FluentValidation's <c>MinimumLength</c>/<c>Length</c> rule extensions.</summary>
    private static bool IsFluentLength(IMethodSymbol method, INamedTypeSymbol fluentExtensions)
        => method.Name is "MinimumLength" or "Length" && SymbolEqualityComparer.Default.Equals(method.ContainingType, fluentExtensions);

    private static void AnalyzeFluent(OperationContext context, RuleEnvironment environment, INamedTypeSymbol fluentExtensions)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!IsFluentLength(method, fluentExtensions))
        {
            return;
        }

        IArgumentOperation? minimumArgument = null;
        IArgumentOperation? maximumArgument = null;
        IOperation? receiver = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "minimumLength" or "min":
                    minimumArgument = argument;
                    break;
                case "max":
                    maximumArgument = argument;
                    break;
                case "ruleBuilder":
                    receiver = argument.Value;
                    break;
            }
        }

        if (minimumArgument is null || receiver is null || !PasswordRules.TryGetInt(minimumArgument.Value, out var length))
        {
            return;
        }

        var tree = invocation.Syntax.SyntaxTree;
        var minimum = context.Options.Get(ReadinessOptions.PasswordMinimumLength, tree);
        if (length >= minimum)
        {
            return;
        }

        var member = RuleForMember(receiver, out var validatedType);
        if (member is null || !PasswordRules.IsNewPasswordName(member)
            || PasswordRules.IsSignInType(validatedType) || PasswordRules.IsSignInType(context.ContainingSymbol?.ContainingType)
            || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        var fixable = maximumArgument is null || PasswordRules.TryGetInt(maximumArgument.Value, out var maximum) && maximum >= minimum;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4004_ValidationPermitsShortPassword,
            minimumArgument.Value.Syntax.GetLocation(),
            fixable ? PasswordRules.Fix(FixKinds.Integer, minimum) : null,
            method.Name,
            length,
            member,
            minimum));
    }

    /// <summary>Walks a FluentValidation chain back to <c>RuleFor(x => x.Member)</c> and returns the member's name.</summary>
    private static string? RuleForMember(IOperation receiver, out ITypeSymbol? validatedType)
    {
        validatedType = null;
        for (var depth = 0; depth < 32; depth++)
        {
            if (PasswordRules.WithoutConversions(receiver) is not IInvocationOperation call)
            {
                return null;
            }

            if (call.TargetMethod.Name == "RuleFor")
            {
                var function = call.Arguments.Length == 1 ? PasswordRules.WithoutConversions(call.Arguments[0].Value) : null;
                if (function is IDelegateCreationOperation { Target: var target })
                {
                    function = target;
                }

                if (function is IAnonymousFunctionOperation lambda
                    && lambda.Body.Operations.Length >= 1
                    && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
                    && PasswordRules.WithoutConversions(returned) is IMemberReferenceOperation reference)
                {
                    validatedType = lambda.Symbol.Parameters.Length == 1 ? lambda.Symbol.Parameters[0].Type : null;
                    return reference.Member.Name;
                }

                return null;
            }

            IOperation? next = call.Instance;
            if (next is null && call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0)
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        next = argument.Value;
                    }
                }
            }

            if (next is null)
            {
                return null;
            }

            receiver = next;
        }

        return null;
    }
}
