using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.AppModel;

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
public sealed class SecretNamedSymbolAnalyzer : ReadinessAnalyzer
{
    /// <summary>Diagnostic property: the symbol name (never the value).</summary>
    public const string NameProperty = "SecretName";

    /// <summary>Diagnostic property: "true" when the literal sits where an expression read from configuration can replace it.</summary>
    public const string FixableProperty = "Fixable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var keyValuePair = environment.Types.Get("System.Collections.Generic.KeyValuePair`2");
        var settings = new SecretsSettingsCache(environment);
        start.RegisterSyntaxNodeAction(context => OnLiteral(context, keyValuePair, settings), StringLiterals.ValueKinds);
    }

    /// <summary>
    /// Every report needs a string literal in the value (<see cref="SecretLiterals.TryGet"/>), so the rule starts from the
    /// literals the driver walks anyway and climbs to the constructs that can give it a name — declarations, assignments,
    /// comparisons, calls, arguments, returns — up to the statement, lambda or member around it. Each construct is looked
    /// at once (from its first literal) and bound only when its syntax can matter; then the operation rules below decide.
    /// </summary>
    private static void OnLiteral(SyntaxNodeAnalysisContext context, INamedTypeSymbol? keyValuePair, SecretsSettingsCache cache)
    {
        var literal = context.Node;

        // A diagnostic belongs to the literal action that sees the first literal of the reported value (a value may hold
        // several: "a" + "b"): each is reported once, and from the node it covers, as the IDE's per-document analysis needs.
        void Report(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            var root = literal.SyntaxTree.GetRoot(context.CancellationToken);
            var reported = root.FindNode(span, getInnermostNodeForTie: true);
            var first = reported.Span == span ? StringLiterals.FirstValueIn(reported, IsBoundary) : null;
            if (first is null || first.Span == literal.Span)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        // A literal of fewer than four characters is never reported on its own (only as part of a longer constant).
        if (literal is LiteralExpressionSyntax { Token.ValueText.Length: < 4 } && !IsConcatenated(literal))
        {
            return;
        }

        for (SyntaxNode? child = literal, node = literal.Parent; node is not null && !IsBoundary(node); child = node, node = node.Parent)
        {
            if (!CarriesValue(node, child))
            {
                return;
            }

            if (!IsOwner(node, literal, cache))
            {
                if (EndsTheValue(node, child))
                {
                    return;
                }

                continue;
            }

            if (node is ArrowExpressionClauseSyntax arrow)
            {
                // An expression body: its value is returned by an implicit return.
                var value = context.SemanticModel.GetOperation(arrow.Expression, context.CancellationToken);
                while (value?.Parent is IConversionOperation)
                {
                    value = value.Parent;
                }

                if (value?.Parent is IReturnOperation implicitReturn)
                {
                    Analyze(new OperationContext(implicitReturn, context, Report), keyValuePair, cache);
                }

                return;
            }

            if (node is AnonymousObjectCreationExpressionSyntax)
            {
                if (context.SemanticModel.GetOperation(node, context.CancellationToken) is IAnonymousObjectCreationOperation anonymous)
                {
                    foreach (var initializer in anonymous.Initializers)
                    {
                        Analyze(new OperationContext(initializer, context, Report), keyValuePair, cache);
                    }
                }

                continue;
            }

            var operation = context.SemanticModel.GetOperation(OwnerSyntax(node), context.CancellationToken);
            if (operation is not null)
            {
                Analyze(new OperationContext(operation, context, Report), keyValuePair, cache);
            }

            if (EndsTheValue(node, child))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Does <paramref name="node"/> pass on the value <paramref name="child"/> holds, as far as the checks below can see it —
    /// wrappers, a branch of <c>?:</c> or a switch arm, a <c>+</c> or an interpolation, array and collection elements, a
    /// tuple element, or the owners themselves (a declaration's value, an assignment's right side, a comparison, a call's
    /// argument or receiver, a return)? Anything else (<c>x ?? "…"</c>, a condition, an index, a unary operator, a lambda)
    /// turns the literal into something no owner above can report, and the climb stops before binding anything.
    /// </summary>
    private static bool CarriesValue(SyntaxNode node, SyntaxNode child)
        => node switch
        {
            ParenthesizedExpressionSyntax or CastExpressionSyntax or InterpolationSyntax or InterpolatedStringExpressionSyntax
                or InitializerExpressionSyntax or CollectionExpressionSyntax or ExpressionElementSyntax or TupleExpressionSyntax
                or ArgumentListSyntax or InvocationExpressionSyntax
                or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or SwitchExpressionSyntax
                or AnonymousObjectMemberDeclaratorSyntax or AnonymousObjectCreationExpressionSyntax or ConstantPatternSyntax => true,
            PostfixUnaryExpressionSyntax suppressed => suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression),
            ArgumentSyntax argument => argument.Parent is not BracketedArgumentListSyntax, // an index key is never a value
            ConditionalExpressionSyntax conditional => child != conditional.Condition,
            SwitchExpressionArmSyntax arm => child == arm.Expression,
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression),
            AssignmentExpressionSyntax assignment => child == assignment.Right && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
            IsPatternExpressionSyntax pattern => child == pattern.Pattern,
            BaseObjectCreationExpressionSyntax creation => child == creation.ArgumentList || child == creation.Initializer,
            ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax => true,
            MemberAccessExpressionSyntax access => child == access.Expression && access.Parent is InvocationExpressionSyntax,
            _ => false,
        };

    /// <summary>Is the literal (inside parentheses or a cast) one operand of a <c>+</c>: part of a longer constant?</summary>
    private static bool IsConcatenated(SyntaxNode literal)
    {
        var node = literal.Parent;
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression);
    }

    /// <summary>
    /// Past this node the literal is no longer the value anything above holds: a return, or an argument or receiver of a call whose result is not the literal's bytes (<c>BadRequest("…")</c>, <c>ToString("N")</c>;
    /// unlike <c>Encoding.UTF8.GetBytes("…")</c>), a constructor argument (not a collection initializer's element), a
    /// member set in an object initializer (<c>new Problem { Title = "…" }</c> passes the object on, not the title). The
    /// call or creation itself may still own it (keyed pairs); nothing above it can.
    /// </summary>
    private static bool EndsTheValue(SyntaxNode node, SyntaxNode child)
        => node switch
        {
            ReturnStatementSyntax or ArrowExpressionClauseSyntax => true,
            InvocationExpressionSyntax invocation => CandidateOperations.LastIdentifier(invocation.Expression) is not ("GetBytes" or "FromBase64String" or "FromHexString" or "ToArray"),
            BaseObjectCreationExpressionSyntax creation => child == creation.ArgumentList,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } => true,
            _ => false,
        };

    /// <summary>Where a literal stops giving its value to anything: statements (other than those it belongs to), lambdas, members, attributes.</summary>
    private static bool IsBoundary(SyntaxNode node)
        => node is AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax or AttributeArgumentListSyntax
            || (node is StatementSyntax && node is not ReturnStatementSyntax);

    private static SyntaxNode OwnerSyntax(SyntaxNode node)
        => node is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax or UsingStatementSyntax or ForStatementSyntax or FixedStatementSyntax } declarator }
            ? declarator
            : node;

    /// <summary>Could this construct report for a literal inside it? Syntax and names only; the operation rules decide.</summary>
    private static bool IsOwner(SyntaxNode node, SyntaxNode literal, SecretsSettingsCache cache)
    {
        switch (node)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } equals:
                return declarator.Parent is VariableDeclarationSyntax { Type: TupleTypeSyntax }
                    || ContainsTuple(equals.Value)
                    || IsSecretName(declarator.Identifier.ValueText, node, cache);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } equals:
                return property.Type is TupleTypeSyntax || ContainsTuple(equals.Value) || IsSecretName(property.Identifier.ValueText, node, cache);
            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return IsSecretName(parameter.Identifier.ValueText, node, cache);
            case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return ContainsTuple(assignment.Right) || CouldNameASecret(assignment.Left, node, cache);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                return CouldNameASecret(binary.Left, node, cache) || CouldNameASecret(binary.Right, node, cache);
            case IsPatternExpressionSyntax pattern:
                return CouldNameASecret(pattern.Expression, node, cache);
            case InvocationExpressionSyntax invocation:
                return CandidateOperations.LastIdentifier(invocation.Expression) is "Equals" or "Add" or "TryAdd" or "Append" or "Set"
                    or "SetEnvironmentVariable" or "AddOrUpdate" or "TryAddWithoutValidation" or "Upsert";
            case ObjectCreationExpressionSyntax creation:
                return creation.ArgumentList?.Arguments.Count == 2 && CandidateOperations.LastIdentifier(creation.Type) == "KeyValuePair";
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                return implicitCreation.ArgumentList.Arguments.Count == 2;
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                return initializer.Expressions.Count == 2;
            case ArgumentSyntax argument:
                // A literal passed as it is must look like a value some secret could have; a named argument must name one.
                if (argument.NameColon is { } nameColon)
                {
                    return IsSecretName(nameColon.Name.Identifier.ValueText, node, cache);
                }

                return argument.Expression != literal || CouldBeSecretValue(literal, cache);
            case ReturnStatementSyntax { Expression: { } returned }:
                return ContainsTuple(returned) || ReturnedMemberName(node) is { } returnedName && IsSecretName(returnedName, node, cache);
            case ArrowExpressionClauseSyntax arrowClause:
                return ContainsTuple(arrowClause.Expression) || ReturnedMemberName(node) is { } arrowName && IsSecretName(arrowName, node, cache);
            case ReturnStatementSyntax:
                return false;
            case AnonymousObjectCreationExpressionSyntax creation:
                foreach (var member in creation.Initializers)
                {
                    if (member.NameEquals is null || IsSecretName(member.NameEquals.Name.Identifier.ValueText, node, cache))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The syntax twin of <see cref="ReturnedName"/>: the property a getter or expression body belongs to, or a method named
    /// <c>Get…</c>; null inside a lambda or local function, and for anything else.
    /// </summary>
    private static string? ReturnedMemberName(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    var name = method.Identifier.ValueText;
                    return name.StartsWith("Get", System.StringComparison.Ordinal) ? name : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool ContainsTuple(SyntaxNode value)
    {
        foreach (var node in value.DescendantNodesAndSelf(static n => n is not AnonymousFunctionExpressionSyntax))
        {
            if (node is TupleExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name, member access or <c>x["Key"]</c> whose name could be a secret's; anything else may be (the operation decides).</summary>
    private static bool CouldNameASecret(ExpressionSyntax expression, SyntaxNode owner, SecretsSettingsCache cache)
    {
        expression = CandidateOperations.WithoutWrappers(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax or InterpolatedStringExpressionSyntax:
                return false;
            case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
                when access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                return IsSecretName(key.Token.ValueText, owner, cache);
            case ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } access
                when access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                return IsSecretName(key.Token.ValueText, owner, cache);
        }

        var name = CandidateOperations.LastIdentifier(expression);
        return name is null || IsSecretName(name, owner, cache);
    }

    private static bool IsSecretName(string name, SyntaxNode node, SecretsSettingsCache cache)
    {
        var settings = cache.For(node.SyntaxTree);
        return settings is not null && settings.Classify(name).Kind is not (SecretKind.None or SecretKind.ConnectionString);
    }

    private static bool CouldBeSecretValue(SyntaxNode literal, SecretsSettingsCache cache)
    {
        var settings = cache.For(literal.SyntaxTree);
        if (settings is null)
        {
            return false;
        }

        if (literal is InterpolatedStringExpressionSyntax interpolated)
        {
            // Its text with each hole as one character: a sentence or a route is a message or a path, whatever fills it.
            var shape = new System.Text.StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                shape.Append(content is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : "x");
            }

            var shapeText = shape.ToString();
            return !SecretText.IsSentence(shapeText)
                && settings.IsSecretValue(shapeText, new SecretName(SecretKind.Password, string.Empty, NoWords));
        }

        if (literal is not LiteralExpressionSyntax { Token.Value: string text })
        {
            return true;
        }

        // Passed positionally, the parameter's name is known only once the call is bound, which costs the whole method:
        // a media type, a message template ("Fetching {Id}") or words with spaces that are not a passphrase are messages,
        // not the credential a parameter could take, and do not pay for it.
        if (SecretText.IsMediaType(text) || SecretText.HasTemplateHole(text) || SecretText.IsSentence(text))
        {
            return false;
        }

        return settings.IsSecretValue(text, new SecretName(SecretKind.Password, string.Empty, NoWords));
    }

    private static readonly System.Collections.Generic.List<string> NoWords = new(0);

    private static void Analyze(OperationContext context, INamedTypeSymbol? keyValuePair, SecretsSettingsCache cache)
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
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property } => property.Name,
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.Name.StartsWith("Get", System.StringComparison.Ordinal) => method.Name,
            _ => null,
        };
    }

    private static void AnalyzeInvocation(OperationContext context, IInvocationOperation invocation, SecretsSettingsCache cache)
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

    private static void CheckKeyedPair(OperationContext context, SecretsSettingsCache cache, IOperation key, IOperation value)
    {
        if (key.ConstantValue is { HasValue: true, Value: string name })
        {
            Check(context, cache, name, value, fixable: false);
        }
    }

    private static void CheckComparison(OperationContext context, SecretsSettingsCache cache, IOperation named, IOperation literal)
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

    private static void Check(OperationContext context, SecretsSettingsCache cache, string name, IOperation value, bool fixable)
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
            Descriptors.RDY1002_SecretNamedSymbolAssignedLiteral,
            value.Syntax.GetLocation(),
            properties,
            name,
            secretName.Label,
            SecretText.Mask(null, text.Length)));
    }
}
