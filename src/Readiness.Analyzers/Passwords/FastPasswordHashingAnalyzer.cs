using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Options;
using Readiness.Analyzers.AppModel;

namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4005: passwords hashed fast —
/// MD5/SHA-1/SHA-2/SHA-3 (<c>HashData</c>, <c>ComputeHash</c>, <c>TryComputeHash</c>) and HMAC with a constant key over a value
/// named like a password; PBKDF2 (<c>Rfc2898DeriveBytes</c>, <c>Rfc2898DeriveBytes.Pbkdf2</c>, <c>KeyDerivation.Pbkdf2</c>) below
/// the OWASP iteration count for its hash, or relying on the obsolete HMAC-SHA1 default; BCrypt.Net work factor below 10;
/// <c>PasswordHasherOptions.IterationCount</c> below the framework default and <c>CompatibilityMode = IdentityV2</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FastPasswordHashingAnalyzer : ReadinessAnalyzer
{
    private const string UseSlowHash = "use PasswordHasher<TUser>, Argon2id, bcrypt or PBKDF2 with the OWASP iteration count";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY4005_FastPasswordHashing);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var types = new Types(environment.Types);
        if (types.HashAlgorithm is not null || types.BCrypt is not null || types.KeyDerivation is not null)
        {
            start.RegisterInvocationAction(IsHashingName, method => KindOf(method, types) != HashingCall.None, context => AnalyzeInvocation(context, environment, types));
            start.RegisterObjectCreationAction(static name => name == "Rfc2898DeriveBytes", context => AnalyzeCreation(context, environment, types));
        }

        if (types.PasswordHasherOptions is not null)
        {
            start.RegisterAssignmentAction(
                static name => name is "IterationCount" or "CompatibilityMode",
                target => SymbolEqualityComparer.Default.Equals(target.ContainingType, types.PasswordHasherOptions),
                context => AnalyzeHasherOptions(context, environment, types.PasswordHasherOptions));
        }
    }

    private static bool IsHashingName(string name)
        => name is "HashData" or "TryHashData" or "ComputeHash" or "TryComputeHash" or "HashDataAsync" or "ComputeHashAsync"
            or "Pbkdf2" or "HashPassword" or "EnhancedHashPassword" or "HashString" or "GenerateSalt" or "ValidateAndReplacePassword";

    private enum HashingCall
    {
        None,
        FastHash,
        Pbkdf2,
        BCrypt,
    }

    /// <summary>Which of the checked hashing APIs <paramref name="method"/> is: decided from the symbol, before any operation is built.</summary>
    private static HashingCall KindOf(IMethodSymbol method, Types types)
    {
        var containingType = method.ContainingType;
        switch (method.Name)
        {
            case "HashData" or "TryHashData" or "ComputeHash" or "TryComputeHash" or "HashDataAsync" or "ComputeHashAsync"
                when types.IsHashAlgorithm(containingType):
                return HashingCall.FastHash;

            case "Pbkdf2" when SymbolEqualityComparer.Default.Equals(containingType, types.Rfc2898DeriveBytes)
                || SymbolEqualityComparer.Default.Equals(containingType, types.KeyDerivation):
                return HashingCall.Pbkdf2;

            case "HashPassword" or "EnhancedHashPassword" or "HashString" or "GenerateSalt" or "ValidateAndReplacePassword"
                when SymbolEqualityComparer.Default.Equals(containingType, types.BCrypt):
                return HashingCall.BCrypt;

            default:
                return HashingCall.None;
        }
    }

    private static void AnalyzeInvocation(OperationContext context, RuleEnvironment environment, Types types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        switch (KindOf(invocation.TargetMethod, types))
        {
            case HashingCall.FastHash:
                AnalyzeFastHash(context, environment, types, invocation);
                return;
            case HashingCall.Pbkdf2:
                AnalyzePbkdf2(context, environment, invocation.Arguments, invocation.Syntax, isObsoleteConstructor: false);
                return;
            case HashingCall.BCrypt:
                AnalyzeBCrypt(context, environment, invocation);
                return;
        }
    }

    private static void AnalyzeCreation(OperationContext context, RuleEnvironment environment, Types types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is { } constructor
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, types.Rfc2898DeriveBytes))
        {
            var hasHashName = false;
            foreach (var parameter in constructor.Parameters)
            {
                hasHashName |= parameter.Name == "hashAlgorithm";
            }

            AnalyzePbkdf2(context, environment, creation.Arguments, creation.Syntax, isObsoleteConstructor: !hasHashName);
        }
    }

    private static void AnalyzeFastHash(OperationContext context, RuleEnvironment environment, Types types, IInvocationOperation invocation)
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

        var keyed = types.IsKeyed(algorithmType);
        if (keyed)
        {
            // A secret key (a pepper from configuration) is a design we cannot judge; a constant key is no key.
            var key = method.IsStatic ? ArgumentNamed(invocation.Arguments, "key")?.Value : KeyOfInstance(invocation.Instance);
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

    private static void AnalyzePbkdf2(OperationContext context, RuleEnvironment environment, ImmutableArray<IArgumentOperation> arguments, SyntaxNode syntax, bool isObsoleteConstructor)
    {
        if (ArgumentNamed(arguments, "password") is { } input && IsNamedLikeAKey(input.Value))
        {
            // PBKDF2 stretching a high-entropy key or secret is key derivation, not password storage.
            return;
        }

        var iterationsArgument = ArgumentNamed(arguments, "iterations") ?? ArgumentNamed(arguments, "iterationCount");
        long iterations;
        if (iterationsArgument is null)
        {
            if (!isObsoleteConstructor)
            {
                return;
            }

            iterations = 1000;
        }
        else if (!PasswordRules.TryGetInt(iterationsArgument.Value, out iterations))
        {
            return;
        }

        var tree = syntax.SyntaxTree;
        string hash;
        int floor;
        if (isObsoleteConstructor)
        {
            hash = "HMAC-SHA1";
            floor = context.Options.Get(ReadinessOptions.Pbkdf2Sha1Iterations, tree);
        }
        else
        {
            var hashArgument = ArgumentNamed(arguments, "hashAlgorithm") ?? ArgumentNamed(arguments, "prf");
            var hashName = hashArgument is null ? null : PasswordRules.WithoutConversions(hashArgument.Value) switch
            {
                IPropertyReferenceOperation property => property.Property.Name,
                IFieldReferenceOperation field => field.Field.Name,
                _ => null,
            };

            switch (hashName)
            {
                case "SHA1" or "HMACSHA1":
                    hash = "HMAC-SHA1";
                    floor = context.Options.Get(ReadinessOptions.Pbkdf2Sha1Iterations, tree);
                    break;
                case "SHA256" or "HMACSHA256":
                    hash = "HMAC-SHA256";
                    floor = context.Options.Get(ReadinessOptions.Pbkdf2Sha256Iterations, tree);
                    break;
                case "SHA384":
                    hash = "HMAC-SHA384";
                    floor = context.Options.Get(ReadinessOptions.Pbkdf2Sha512Iterations, tree);
                    break;
                case "SHA512" or "HMACSHA512":
                    hash = "HMAC-SHA512";
                    floor = context.Options.Get(ReadinessOptions.Pbkdf2Sha512Iterations, tree);
                    break;
                default:
                    return;
            }
        }

        if (iterations >= floor || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        var what = isObsoleteConstructor
            ? "'new Rfc2898DeriveBytes' without a hash algorithm uses the obsolete HMAC-SHA1 default with " + PasswordRules.Number(iterations) + " iterations"
            : "PBKDF2-" + hash + " with " + PasswordRules.Number(iterations) + " iterations is fast";
        var advice = isObsoleteConstructor
            ? "pass HashAlgorithmName.SHA256 with at least " + PasswordRules.Number(context.Options.Get(ReadinessOptions.Pbkdf2Sha256Iterations, tree)) + " iterations (OWASP)"
            : "use at least " + PasswordRules.Number(floor) + " iterations for " + hash + " (OWASP)";

        // Raising the iterations of an explicit hash is certain; switching the hash of the obsolete constructor changes every stored hash.
        var location = iterationsArgument is null || isObsoleteConstructor ? syntax.GetLocation() : iterationsArgument.Value.Syntax.GetLocation();
        var fix = iterationsArgument is null || isObsoleteConstructor ? null : PasswordRules.Fix(FixKinds.Integer, floor);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.RDY4005_FastPasswordHashing, location, fix, what, advice));
    }

    private static void AnalyzeBCrypt(OperationContext context, RuleEnvironment environment, IInvocationOperation invocation)
    {
        var workFactor = ArgumentNamed(invocation.Arguments, "workFactor");
        if (workFactor is null || workFactor.ArgumentKind != ArgumentKind.Explicit || !PasswordRules.TryGetInt(workFactor.Value, out var value))
        {
            return;
        }

        var tree = invocation.Syntax.SyntaxTree;
        var floor = context.Options.Get(ReadinessOptions.BCryptWorkFactor, tree);
        if (value >= floor || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4005_FastPasswordHashing,
            workFactor.Value.Syntax.GetLocation(),
            PasswordRules.Fix(FixKinds.Integer, floor),
            "BCrypt work factor " + value + " (2^" + value + " rounds) is fast",
            "use a work factor of at least " + floor));
    }

    private static void AnalyzeHasherOptions(OperationContext context, RuleEnvironment environment, INamedTypeSymbol hasherOptions)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, hasherOptions))
        {
            return;
        }

        var tree = assignment.Syntax.SyntaxTree;
        if (property.Name == "IterationCount" && PasswordRules.TryGetInt(assignment.Value, out var iterations))
        {
            var floor = context.Options.Get(ReadinessOptions.IdentityHasherIterations, tree);
            if (iterations < floor && environment.Applies(tree, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY4005_FastPasswordHashing,
                    assignment.Value.Syntax.GetLocation(),
                    PasswordRules.Fix(FixKinds.Integer, floor),
                    "PasswordHasherOptions.IterationCount = " + PasswordRules.Number(iterations) + " weakens Identity's PBKDF2",
                    "use at least " + PasswordRules.Number(floor) + " (the framework default)"));
            }
        }
        else if (property.Name == "CompatibilityMode"
            && PasswordRules.WithoutConversions(assignment.Value) is IFieldReferenceOperation { Field.Name: "IdentityV2" }
            && environment.Applies(tree, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RDY4005_FastPasswordHashing,
                assignment.Value.Syntax.GetLocation(),
                "PasswordHasherCompatibilityMode.IdentityV2 stores PBKDF2-HMAC-SHA1 with 1,000 iterations",
                "use IdentityV3 (the default), which still verifies V2 hashes and re-hashes them at the next sign-in"));
        }
    }

    private static bool IsNamedLikeAKey(IOperation value)
    {
        value = PasswordRules.WithoutConversions(value);
        if (value is IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } getBytes)
        {
            value = PasswordRules.WithoutConversions(getBytes.Arguments[0].Value);
        }

        var name = value switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
        if (name is null || PasswordRules.IsPasswordValueName(name))
        {
            return false;
        }

        var words = Common.NameWords.Split(name);
        return words.Count > 0 && words[words.Count - 1] is "key" or "secret" or "token" or "seed" or "ikm" or "material";
    }

    private static IArgumentOperation? ArgumentNamed(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
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

        return value is IObjectCreationOperation creation ? ArgumentNamed(creation.Arguments, "key")?.Value : null;
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
        switch (value)
        {
            case ILocalReferenceOperation local:
                if (PasswordRules.IsPasswordValueName(local.Local.Name))
                {
                    return local.Local.Name;
                }

                var initializer = InitializerOf(local.Local, value.SemanticModel);
                return initializer is null ? null : PasswordIn(initializer, depth + 1);
            case IParameterReferenceOperation parameter:
                return PasswordRules.IsPasswordValueName(parameter.Parameter.Name) ? parameter.Parameter.Name : null;
            case IFieldReferenceOperation field:
                return PasswordRules.IsPasswordValueName(field.Field.Name) ? field.Field.Name : null;
            case IPropertyReferenceOperation property:
                return PasswordRules.IsPasswordValueName(property.Property.Name) ? property.Property.Name : null;
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

    private sealed class Types
    {
        public Types(WellKnownTypeProvider types)
        {
            HashAlgorithm = types.Get("System.Security.Cryptography.HashAlgorithm");
            KeyedHashAlgorithm = types.Get("System.Security.Cryptography.KeyedHashAlgorithm");
            Rfc2898DeriveBytes = types.Get("System.Security.Cryptography.Rfc2898DeriveBytes");
            KeyDerivation = types.Get("Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
            BCrypt = types.Get("BCrypt.Net.BCrypt");
            PasswordHasherOptions = types.Get("Microsoft.AspNetCore.Identity.PasswordHasherOptions");
        }

        public INamedTypeSymbol? HashAlgorithm { get; }
        public INamedTypeSymbol? KeyedHashAlgorithm { get; }
        public INamedTypeSymbol? Rfc2898DeriveBytes { get; }
        public INamedTypeSymbol? KeyDerivation { get; }
        public INamedTypeSymbol? BCrypt { get; }
        public INamedTypeSymbol? PasswordHasherOptions { get; }

        public bool IsHashAlgorithm(ITypeSymbol? type) => WellKnownTypeProvider.DerivesFrom(type, HashAlgorithm);

        public bool IsKeyed(ITypeSymbol? type) => WellKnownTypeProvider.DerivesFrom(type, KeyedHashAlgorithm);
    }
}
