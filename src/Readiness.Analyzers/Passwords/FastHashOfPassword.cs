namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4005's check of a fast hash over a password: MD5/SHA-1/SHA-2/SHA-3 (<c>HashData</c>, <c>ComputeHash</c>,
/// <c>TryComputeHash</c>…), and HMAC with a constant key, over a value named like a password — the password itself, its
/// bytes or span, a concatenation with a salt, a local initialized from one. A secret key (a pepper) and a breach check
/// (Have I Been Pwned) are left alone.
/// </summary>
internal static class FastHashOfPassword
{
    private const string UseSlowHash = "use PasswordHasher<TUser>, Argon2id, bcrypt or PBKDF2 with the OWASP iteration count";

    public static void Analyze(OperationContext context, RuleEnvironment environment, INamedTypeSymbol? keyedHashAlgorithm, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var algorithmType = method.IsStatic ? method.ContainingType : invocation.Instance?.Type;
        if (!method.IsStatic
            && invocation.Instance is { } instance
            && PasswordRules.WithoutConversions(instance) is ILocalReferenceOperation local
            && InitializerOf(local.Local, instance.SemanticModel) is { Type: { } createdType })
        {
            // HashAlgorithm algorithm = new HMACSHA256(key): judge the object, not the declared type.
            algorithmType = createdType;
        }

        if (algorithmType is null)
        {
            return;
        }

        var keyed = WellKnownTypeProvider.DerivesFrom(algorithmType, keyedHashAlgorithm);
        if (keyed)
        {
            // A secret key (a pepper from configuration) is a design we cannot judge; a constant key is no key.
            var key = method.IsStatic ? PasswordRules.ArgumentNamed(invocation.Arguments, "key")?.Value : KeyOfInstance(invocation.Instance);
            if (key is null || !IsConstantBytes(key))
            {
                return;
            }
        }

        string? passwordName = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "key" or "destination" or "bytesWritten" or "cancellationToken")
            {
                continue;
            }

            passwordName ??= PasswordIn(argument.Value, depth: 0);
        }

        if (passwordName is null || LooksLikeABreachCheck(context.ContainingSymbol)
            || !environment.Applies(invocation.Syntax.SyntaxTree, context.CancellationToken))
        {
            return;
        }

        var what = "'" + algorithmType.Name + "." + method.Name + "' hashes '" + passwordName + "' with a fast hash" + (keyed ? " and a constant key" : string.Empty);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4005_FastPasswordHashing,
            invocation.Syntax.GetLocation(),
            what,
            UseSlowHash));
    }

    /// <summary>The key of <c>new HMACSHA256(key).ComputeHash(…)</c>, directly or through a local initialized in the same file.</summary>
    private static IOperation? KeyOfInstance(IOperation? instance)
    {
        if (instance is null)
        {
            return null;
        }

        var value = PasswordRules.WithoutConversions(instance);
        if (value is ILocalReferenceOperation local)
        {
            value = InitializerOf(local.Local, instance.SemanticModel);
        }

        return value is IObjectCreationOperation creation ? PasswordRules.ArgumentNamed(creation.Arguments, "key")?.Value : null;
    }

    private static IOperation? InitializerOf(ILocalSymbol local, SemanticModel? model)
    {
        if (model is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var reference = local.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != model.SyntaxTree
            || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return null;
        }

        var operation = model.GetOperation(initializer);
        return operation is null ? null : PasswordRules.WithoutConversions(operation);
    }

    /// <summary>A literal byte array, or <c>Encoding.X.GetBytes("literal")</c>.</summary>
    private static bool IsConstantBytes(IOperation key)
    {
        key = PasswordRules.WithoutConversions(key);
        switch (key)
        {
            case IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } getBytes:
                return getBytes.Arguments[0].Value.ConstantValue.HasValue;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (!element.ConstantValue.HasValue)
                    {
                        return false;
                    }
                }

                return true;
            case IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } field }:
                // static readonly byte[] Key = Encoding.UTF8.GetBytes("…") or new byte[] { … } declared in source
                foreach (var reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value }
                        && (value is LiteralExpressionSyntax
                            || value is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count == 1
                                && call.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax
                                && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBytes" }
                            || value is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The name of the password the value is made of: the value itself, its bytes, its span, a concatenation with a salt, a local initialized from one.</summary>
    private static string? PasswordIn(IOperation value, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        value = PasswordRules.WithoutConversions(value);
        if (PasswordRules.ReferencedName(value) is { } name)
        {
            if (PasswordRules.IsPasswordValueName(name))
            {
                return name;
            }

            return value is ILocalReferenceOperation local && InitializerOf(local.Local, value.SemanticModel) is { } initializer
                ? PasswordIn(initializer, depth + 1)
                : null;
        }

        switch (value)
        {
            case IInvocationOperation invocation when invocation.TargetMethod.Name is "GetBytes" or "AsSpan" or "ToArray" or "Concat" or "ToCharArray" or "Trim" or "Normalize" or "AsMemory":
                if (invocation.Instance is { } instance && PasswordIn(instance, depth + 1) is { } fromInstance)
                {
                    return fromInstance;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (PasswordIn(argument.Value, depth + 1) is { } fromArgument)
                    {
                        return fromArgument;
                    }
                }

                return null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return PasswordIn(binary.LeftOperand, depth + 1) ?? PasswordIn(binary.RightOperand, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && PasswordIn(hole.Expression, depth + 1) is { } fromHole)
                    {
                        return fromHole;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>SHA-1 of a password sent by prefix to Have I Been Pwned is a breach check (NIST asks for one), not storage.</summary>
    private static bool LooksLikeABreachCheck(ISymbol? symbol)
    {
        for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.Name.IndexOf("Pwned", StringComparison.OrdinalIgnoreCase) >= 0
                || current.Name.IndexOf("Breach", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
