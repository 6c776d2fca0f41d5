namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1002's syntax filter: could a construct around a literal give it a secret's name — the variable, property or
/// parameter it initializes, the member it is assigned to or compared with, the key it is paired with, the parameter it is
/// passed to, the member that returns it? Names as written only, nothing bound: a construct it admits is bound and read by
/// <see cref="NamedValues"/>, which decides; one it rejects could not be reported (the rules both share are
/// <see cref="SecretNameSources"/>).
/// </summary>
internal static class SecretTargets
{
    /// <summary>The most lenient verdict on a name: a value that could not be a password's could not be any secret's.</summary>
    private static readonly SecretName AnyPassword = new(SecretKind.Password, string.Empty, new List<string>(0));

    /// <summary>Could <paramref name="node"/>, on the climb from <paramref name="literal"/>, report for a literal inside it?</summary>
    public static bool MayNameASecret(SyntaxNode node, SyntaxNode literal, SecretsSettingsCache cache)
    {
        switch (node)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } equals:
                return MayDeclareASecret(declarator.Parent is VariableDeclarationSyntax { Type: TupleTypeSyntax }, equals.Value, declarator.Identifier.ValueText, cache);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } equals:
                return MayDeclareASecret(property.Type is TupleTypeSyntax, equals.Value, property.Identifier.ValueText, cache);
            case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                return IsSecretName(parameter.Identifier.ValueText, node, cache);
            case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return ContainsTuple(assignment.Right) || CouldNameASecret(assignment.Left, cache);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                return CouldNameASecret(binary.Left, cache) || CouldNameASecret(binary.Right, cache);
            case IsPatternExpressionSyntax pattern:
                return CouldNameASecret(pattern.Expression, cache);
            case InvocationExpressionSyntax invocation:
                // string.Equals(named, "…") or a keyed pair: the method's name is all the syntax can say.
                return CandidateOperations.LastIdentifier(invocation.Expression) is { } method
                    && (method == nameof(string.Equals) || SecretNameSources.IsKeyedPairMethod(method));
            case ObjectCreationExpressionSyntax creation:
                return creation.ArgumentList?.Arguments.Count == 2 && CandidateOperations.LastIdentifier(creation.Type) == SecretNameSources.KeyValuePairName;
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
                return MayReturnASecret(returned, cache);
            case ArrowExpressionClauseSyntax arrowClause:
                return MayReturnASecret(arrowClause.Expression, cache);
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

    /// <summary>A variable or property initializer: a tuple (its elements may be named) or a secret's name.</summary>
    private static bool MayDeclareASecret(bool hasTupleType, ExpressionSyntax value, string name, SecretsSettingsCache cache)
        => hasTupleType || ContainsTuple(value) || IsSecretName(name, value, cache);

    /// <summary>A returned value: a tuple, or the value of a member whose name answers for it (<see cref="SecretNameSources.ReturnedName"/>).</summary>
    private static bool MayReturnASecret(ExpressionSyntax returned, SecretsSettingsCache cache)
        => ContainsTuple(returned) || ReturnedMemberName(returned) is { } name && IsSecretName(name, returned, cache);

    /// <summary>The name the member around <paramref name="node"/> gives what it returns; null inside a lambda or local function.</summary>
    private static string? ReturnedMemberName(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case PropertyDeclarationSyntax property:
                    return SecretNameSources.ReturnedName(property.Identifier.ValueText, isProperty: true);
                case MethodDeclarationSyntax method:
                    return SecretNameSources.ReturnedName(method.Identifier.ValueText, isProperty: false);
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
    private static bool CouldNameASecret(ExpressionSyntax expression, SecretsSettingsCache cache)
    {
        expression = CandidateOperations.WithoutWrappers(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax or InterpolatedStringExpressionSyntax:
                return false;
            case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
                when access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                return IsSecretName(key.Token.ValueText, expression, cache);
            case ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } access
                when access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                return IsSecretName(key.Token.ValueText, expression, cache);
        }

        var name = CandidateOperations.LastIdentifier(expression);
        return name is null || IsSecretName(name, expression, cache);
    }

    private static bool IsSecretName(string name, SyntaxNode node, SecretsSettingsCache cache)
        => cache.For(node.SyntaxTree) is { } settings && SecretNameSources.IsReported(settings, name, out _);

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
            return !SecretText.IsSentence(shapeText) && settings.IsSecretValue(shapeText, AnyPassword);
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

        return settings.IsSecretValue(text, AnyPassword);
    }
}
