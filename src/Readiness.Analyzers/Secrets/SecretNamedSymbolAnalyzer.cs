using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1002: a symbol whose name says it holds a password, secret, key or token is given a string literal — field and
/// property initializers, locals, parameter defaults, assignments (also in object, anonymous-object and dictionary
/// initializers: <c>["Jwt:Key"] = "…"</c>), keyed pairs (<c>Add("ApiKey", "…")</c>, <c>new KeyValuePair&lt;,&gt;</c>,
/// <c>SetEnvironmentVariable</c>), comparisons (<c>apiKey == "…"</c>, <c>Equals</c>, <c>is "…"</c>) and arguments to
/// secret-named parameters (<c>new NetworkCredential(user, "…")</c>). The value classifier drops placeholders, key paths,
/// environment-variable names, URLs, file paths and labels; keys and tokens need length and entropy. Values that RDY1001
/// or RDY1003 report are left to them. Connection-string names are left to RDY1003 (only the credential inside matters).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretNamedSymbolAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the symbol name (never the value).</summary>
    public const string NameProperty = "SecretName";

    /// <summary>Diagnostic property: "true" when the literal sits where an expression read from configuration can replace it.</summary>
    public const string FixableProperty = "Fixable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var keyValuePair = start.Compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
            var settings = new SecretsSettingsCache(start.Compilation, start.Options);
            start.RegisterOperationAction(
                context => Analyze(context, keyValuePair, settings),
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.ParameterInitializer,
                OperationKind.VariableDeclarator,
                OperationKind.SimpleAssignment,
                OperationKind.Binary,
                OperationKind.IsPattern,
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.Argument,
                OperationKind.Return);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol? keyValuePair, SecretsSettingsCache cache)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                Check(context, cache, field.InitializedFields[0].Name, field.Value, fixable: true);
                break;
            case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                Check(context, cache, property.InitializedProperties[0].Name, property.Value, fixable: true);
                break;
            case IParameterInitializerOperation parameter:
                Check(context, cache, parameter.Parameter.Name, parameter.Value, fixable: false);
                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Check(context, cache, declarator.Symbol.Name, initializer.Value, fixable: true);
                break;
            case ISimpleAssignmentOperation assignment when SecretLiterals.NameOf(assignment.Target) is { } target:
                Check(context, cache, target, assignment.Value, fixable: assignment.Target is not IPropertyReferenceOperation { Property.IsIndexer: true });
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                CheckComparison(context, cache, binary.LeftOperand, binary.RightOperand);
                CheckComparison(context, cache, binary.RightOperand, binary.LeftOperand);
                break;
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when SecretLiterals.NameOf(pattern.Value) is { } compared:
                Check(context, cache, compared, constant.Value, fixable: false);
                break;
            case IInvocationOperation invocation:
                AnalyzeInvocation(context, invocation, cache);
                break;
            case IObjectCreationOperation { Arguments.Length: 2 } creation
                when keyValuePair is not null && SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, keyValuePair):
                CheckKeyedPair(context, cache, creation.Arguments[0].Value, creation.Arguments[1].Value);
                break;
            case IReturnOperation { ReturnedValue: { } returned } when ReturnedName(context.ContainingSymbol, context.Operation) is { } member:
                Check(context, cache, member, returned, fixable: true);
                break;
            case IArgumentOperation { Parameter: { } parameter, Value.ConstantValue: { HasValue: true, Value: string } } argument
                when argument.Parent is not IPropertyReferenceOperation && !IsKeyedPairCall(argument.Parent):
                Check(context, cache, ArgumentName(argument, parameter), argument.Value, fixable: !argument.IsImplicit && argument.ArgumentKind == ArgumentKind.Explicit);
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

    /// <summary>
    /// The name a returned value answers to: a property getter's property (<c>string ClientSecret =&gt; "…"</c>) or a
    /// <c>Get…</c> method (<c>GetApiKey()</c>); not a return inside a lambda or local function.
    /// </summary>
    private static string? ReturnedName(ISymbol symbol, IOperation operation)
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
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property } => property.Name,
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.Name.StartsWith("Get", System.StringComparison.Ordinal) => method.Name,
            _ => null,
        };
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, SecretsSettingsCache cache)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "Equals" && method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            if (invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
            {
                CheckComparison(context, cache, instance, invocation.Arguments[0].Value);
            }
            else if (invocation.Arguments.Length >= 2)
            {
                CheckComparison(context, cache, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
                CheckComparison(context, cache, invocation.Arguments[1].Value, invocation.Arguments[0].Value);
            }

            return;
        }

        if (IsKeyedPairCall(invocation) && invocation.Arguments.Length >= 2)
        {
            CheckKeyedPair(context, cache, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
        }
    }

    /// <summary><c>Add("ApiKey", "…")</c>, <c>TryAdd</c>, <c>Append</c>, <c>Set</c>, <c>SetEnvironmentVariable</c>: the first argument names the second.</summary>
    private static bool IsKeyedPairCall(IOperation? operation)
        => operation is IInvocationOperation { Arguments.Length: 2 } invocation
            && invocation.TargetMethod.Name is "Add" or "TryAdd" or "Append" or "Set" or "SetEnvironmentVariable" or "AddOrUpdate" or "TryAddWithoutValidation" or "Upsert"
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string };

    private static void CheckKeyedPair(OperationAnalysisContext context, SecretsSettingsCache cache, IOperation key, IOperation value)
    {
        if (key.ConstantValue is { HasValue: true, Value: string name })
        {
            Check(context, cache, name, value, fixable: false);
        }
    }

    private static void CheckComparison(OperationAnalysisContext context, SecretsSettingsCache cache, IOperation named, IOperation literal)
    {
        if (SecretLiterals.NameOf(named) is { } name)
        {
            Check(context, cache, name, literal, fixable: false);
        }
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

    private static void Check(OperationAnalysisContext context, SecretsSettingsCache cache, string name, IOperation value, bool fixable)
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
                Check(context, cache, name, conditional.WhenTrue, fixable: false);
                Check(context, cache, name, whenFalse, fixable: false);
                return;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Check(context, cache, name, arm.Value, fixable: false);
                }

                return;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Check(context, cache, name, element, fixable: false);
                }

                return;

            // A collection initializer: new HashSet<string> { "…", "…" }, new List<string> { "…" }.
            case IObjectCreationOperation { Initializer: { } collection }:
                foreach (var initializer in collection.Initializers)
                {
                    if (initializer is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        Check(context, cache, name, add.Arguments[0].Value, fixable: false);
                    }
                }

                return;

            // The bytes of a literal: Encoding.UTF8.GetBytes("…"), Convert.FromBase64String("…"), "…"u8.ToArray().
            case IInvocationOperation bytes when SecretLiterals.BytesSource(bytes) is { } source:
                Check(context, cache, name, source, fixable: false);
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
                            Check(context, cache, element.Name, tuple.Elements[i], fixable: false);
                        }
                    }
                }

                return;
        }

        if (!SecretLiterals.TryGet(value, out var text) || text.Length < 4)
        {
            return;
        }

        var tree = value.Syntax.SyntaxTree;
        var settings = cache.For(tree);
        if (settings is null)
        {
            return;
        }

        var secretName = settings.Classify(name);
        if (secretName.Kind is SecretKind.None or SecretKind.ConnectionString)
        {
            return;
        }

        if (!settings.IsSecretValue(text, secretName)
            || ProviderTokens.TryFind(text, out _)
            || StructuredCredentials.TryFind(text, out _))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(NameProperty, name)
            .Add(FixableProperty, fixable ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral,
            value.Syntax.GetLocation(),
            properties,
            name,
            secretName.Label,
            SecretText.Mask(null, text.Length)));
    }
}
