namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1002's bound reading: which name a construct gives which value — a field, property, parameter or variable
/// initializer, an assignment, a comparison (<c>==</c>, <c>!=</c>, <c>is</c>, <c>string.Equals</c>), a keyed pair, a
/// return from a secret-named getter, an argument to a secret-named parameter — and each literal a choice, a collection,
/// a byte conversion or a named tuple hands on. Every (name, value) pair goes to
/// <see cref="SecretNamedSymbolAnalyzer.ReportIfSecret"/>, which judges and reports.
/// </summary>
internal static class NamedValues
{
    public static void Read(OperationContext context, INamedTypeSymbol? keyValuePair, SecretsSettingsCache cache)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                Give(context, cache, field.InitializedFields[0].Name, field.Value, fixable: true);
                break;
            case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                Give(context, cache, property.InitializedProperties[0].Name, property.Value, fixable: true);
                break;
            case IParameterInitializerOperation parameter:
                Give(context, cache, parameter.Parameter.Name, parameter.Value, fixable: false);
                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Give(context, cache, declarator.Symbol.Name, initializer.Value, fixable: true);
                break;
            case ISimpleAssignmentOperation assignment when SecretLiterals.NameOf(assignment.Target) is { } target:
                Give(context, cache, target, assignment.Value, fixable: assignment.Target is not IPropertyReferenceOperation { Property.IsIndexer: true });
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                GiveCompared(context, cache, binary.LeftOperand, binary.RightOperand);
                GiveCompared(context, cache, binary.RightOperand, binary.LeftOperand);
                break;
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when SecretLiterals.NameOf(pattern.Value) is { } compared:
                Give(context, cache, compared, constant.Value, fixable: false);
                break;
            case IInvocationOperation { TargetMethod: { Name: nameof(string.Equals), ContainingType.SpecialType: SpecialType.System_String } } equals:
                if (equals.Instance is { } instance && equals.Arguments.Length >= 1)
                {
                    GiveCompared(context, cache, instance, equals.Arguments[0].Value);
                }
                else if (equals.Arguments.Length >= 2)
                {
                    GiveCompared(context, cache, equals.Arguments[0].Value, equals.Arguments[1].Value);
                    GiveCompared(context, cache, equals.Arguments[1].Value, equals.Arguments[0].Value);
                }

                break;
            case IInvocationOperation invocation when SecretNameSources.IsKeyedPairCall(invocation):
                GiveKeyed(context, cache, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
                break;
            case IObjectCreationOperation { Arguments.Length: 2 } creation
                when keyValuePair is not null && SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, keyValuePair):
                GiveKeyed(context, cache, creation.Arguments[0].Value, creation.Arguments[1].Value);
                break;
            case IReturnOperation { ReturnedValue: { } returned } when ReturnedName(context.ContainingSymbol, context.Operation) is { } member:
                Give(context, cache, member, returned, fixable: true);
                break;
            case IArgumentOperation { Parameter: { } parameter, Value.ConstantValue: { HasValue: true, Value: string } } argument
                when argument.Parent is not IPropertyReferenceOperation && !SecretNameSources.IsKeyedPairCall(argument.Parent):
                Give(context, cache, ArgumentName(argument, parameter), argument.Value, fixable: !argument.IsImplicit && argument.ArgumentKind == ArgumentKind.Explicit);
                break;
        }
    }

    /// <summary>
    /// The name an argument answers to: its parameter's, except for APIs whose parameter names do not say they take a
    /// secret — <c>new AuthenticationHeaderValue("Bearer", "…")</c> (the credential of that scheme) and BCrypt's
    /// <c>HashPassword("…")</c> (a password, under the name <c>inputKey</c>).
    /// </summary>
    private static string ArgumentName(IArgumentOperation argument, IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || method.ContainingType is not { } type)
        {
            return parameter.Name;
        }

        if (method.MethodKind == MethodKind.Constructor && parameter.Name == "parameter"
            && type.Name == "AuthenticationHeaderValue" && type.ContainingNamespace?.ToDisplayString() == "System.Net.Http.Headers")
        {
            var scheme = "Auth";
            if (argument.Parent is IObjectCreationOperation creation)
            {
                foreach (var sibling in creation.Arguments)
                {
                    if (sibling.Parameter?.Name == "scheme" && sibling.Value.ConstantValue is { HasValue: true, Value: string text }
                        && text.Length > 0 && text.Length <= 32 && IsSchemeName(text))
                    {
                        scheme = text;
                    }
                }
            }

            return scheme + "Token";
        }

        if (parameter.Name == "inputKey" && method.Name is "HashPassword" or "EnhancedHashPassword" or "HashString"
            && type.Name == "BCrypt" && type.ContainingNamespace?.ToDisplayString() == "BCrypt.Net")
        {
            return "Password";
        }

        return parameter.Name;
    }

    private static bool IsSchemeName(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name a returned value answers to (<see cref="SecretNameSources.ReturnedName"/>); not a return inside a lambda or local function.</summary>
    private static string? ReturnedName(ISymbol? symbol, IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property } => SecretNameSources.ReturnedName(property.Name, isProperty: true),
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method => SecretNameSources.ReturnedName(method.Name, isProperty: false),
            _ => null,
        };
    }

    private static void GiveKeyed(OperationContext context, SecretsSettingsCache cache, IOperation key, IOperation value)
    {
        if (key.ConstantValue is { HasValue: true, Value: string name })
        {
            Give(context, cache, name, value, fixable: false);
        }
    }

    private static void GiveCompared(OperationContext context, SecretsSettingsCache cache, IOperation named, IOperation literal)
    {
        if (SecretLiterals.NameOf(named) is { } name)
        {
            Give(context, cache, name, literal, fixable: false);
        }
    }

    /// <summary>Gives <paramref name="name"/> to the value, or to each literal a choice, a collection, a byte conversion or a named tuple holds.</summary>
    private static void Give(OperationContext context, SecretsSettingsCache cache, string name, IOperation value, bool fixable)
    {
        var unwrapped = value;
        while (unwrapped is IConversionOperation { IsImplicit: true } conversion)
        {
            unwrapped = conversion.Operand;
        }

        // Each literal a choice or a collection gives the name: c ? "…" : "…", switch arms, { "…", "…" }.
        switch (unwrapped)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Give(context, cache, name, conditional.WhenTrue, fixable: false);
                Give(context, cache, name, whenFalse, fixable: false);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Give(context, cache, name, arm.Value, fixable: false);
                }

                return;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Give(context, cache, name, element, fixable: false);
                }

                return;

            // A collection initializer: new HashSet<string> { "…", "…" }, new List<string> { "…" }.
            case IObjectCreationOperation { Initializer: { } collection }:
                foreach (var initializer in collection.Initializers)
                {
                    if (initializer is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        Give(context, cache, name, add.Arguments[0].Value, fixable: false);
                    }
                }

                return;

            // The bytes of a literal: Encoding.UTF8.GetBytes("…"), Convert.FromBase64String("…"), "…"u8.ToArray().
            case IInvocationOperation bytes when SecretLiterals.BytesSource(bytes) is { } source:
                Give(context, cache, name, source, fixable: false);
                return;

            // A tuple whose elements are named: (string User, string Password) x = ("…", "…").
            case ITupleOperation tuple:
                var tupleType = NamedTupleType(value.Type) ?? NamedTupleType(tuple.Type);
                if (tupleType is not null && tupleType.TupleElements.Length == tuple.Elements.Length)
                {
                    for (var i = 0; i < tuple.Elements.Length; i++)
                    {
                        var element = tupleType.TupleElements[i];
                        if (element.IsExplicitlyNamedTupleElement)
                        {
                            Give(context, cache, element.Name, tuple.Elements[i], fixable: false);
                        }
                    }
                }

                return;
        }

        SecretNamedSymbolAnalyzer.ReportIfSecret(context, cache, name, value, fixable);
    }

    private static INamedTypeSymbol? NamedTupleType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return null;
        }

        foreach (var element in tuple.TupleElements)
        {
            if (element.IsExplicitlyNamedTupleElement)
            {
                return tuple;
            }
        }

        return null;
    }
}
