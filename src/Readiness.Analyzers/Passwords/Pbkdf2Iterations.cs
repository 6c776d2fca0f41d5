namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4005's check of PBKDF2 (<c>Rfc2898DeriveBytes</c>, <c>Rfc2898DeriveBytes.Pbkdf2</c>, <c>KeyDerivation.Pbkdf2</c>):
/// fewer iterations than OWASP's floor for its hash, or the obsolete constructor's HMAC-SHA1 default. PBKDF2 over a value
/// named like a key is key derivation, not password storage, and is left alone.
/// </summary>
internal static class Pbkdf2Iterations
{
    public static void Analyze(OperationContext context, RuleEnvironment environment, ImmutableArray<IArgumentOperation> arguments, SyntaxNode syntax, bool isObsoleteConstructor)
    {
        if (PasswordRules.ArgumentNamed(arguments, "password") is { } input && IsNamedLikeAKey(input.Value))
        {
            // PBKDF2 stretching a high-entropy key or secret is key derivation, not password storage.
            return;
        }

        var iterationsArgument = PasswordRules.ArgumentNamed(arguments, "iterations") ?? PasswordRules.ArgumentNamed(arguments, "iterationCount");
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

        // The obsolete constructor takes no hash: it runs HMAC-SHA1.
        var hashName = isObsoleteConstructor
            ? "SHA1"
            : HashNameOf(PasswordRules.ArgumentNamed(arguments, "hashAlgorithm") ?? PasswordRules.ArgumentNamed(arguments, "prf"));
        if (PseudoRandomFunction(hashName) is not { } prf)
        {
            return;
        }

        var tree = syntax.SyntaxTree;
        var floor = context.Options.Get(prf.Floor, tree);
        if (iterations >= floor || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        var what = isObsoleteConstructor
            ? "'new Rfc2898DeriveBytes' without a hash algorithm uses the obsolete HMAC-SHA1 default with " + PasswordRules.Number(iterations) + " iterations"
            : "PBKDF2-" + prf.Hash + " with " + PasswordRules.Number(iterations) + " iterations is fast";
        var advice = isObsoleteConstructor
            ? "pass HashAlgorithmName.SHA256 with at least " + PasswordRules.Number(context.Options.Get(ReadinessOptions.Pbkdf2Sha256Iterations, tree)) + " iterations (OWASP)"
            : "use at least " + PasswordRules.Number(floor) + " iterations for " + prf.Hash + " (OWASP)";

        // Raising the iterations of an explicit hash is certain; switching the hash of the obsolete constructor changes every stored hash.
        var location = iterationsArgument is null || isObsoleteConstructor ? syntax.GetLocation() : iterationsArgument.Value.Syntax.GetLocation();
        var fix = iterationsArgument is null || isObsoleteConstructor ? null : PasswordRules.Fix(FixKinds.Integer, floor);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.RDY4005_FastPasswordHashing, location, fix, what, advice));
    }

    /// <summary>The name of the hash an argument passes: <c>HashAlgorithmName.SHA256</c>, <c>KeyDerivationPrf.HMACSHA512</c>.</summary>
    private static string? HashNameOf(IArgumentOperation? argument)
        => argument is null ? null : PasswordRules.WithoutConversions(argument.Value) switch
        {
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            _ => null,
        };

    /// <summary>The HMAC that PBKDF2 runs with, from the name of its hash argument, and the option that holds its OWASP floor; null for a hash not judged.</summary>
    private static (string Hash, OptionDefinition<int> Floor)? PseudoRandomFunction(string? hashName)
        => hashName switch
        {
            "SHA1" or "HMACSHA1" => ("HMAC-SHA1", ReadinessOptions.Pbkdf2Sha1Iterations),
            "SHA256" or "HMACSHA256" => ("HMAC-SHA256", ReadinessOptions.Pbkdf2Sha256Iterations),
            "SHA384" => ("HMAC-SHA384", ReadinessOptions.Pbkdf2Sha512Iterations),
            "SHA512" or "HMACSHA512" => ("HMAC-SHA512", ReadinessOptions.Pbkdf2Sha512Iterations),
            _ => null,
        };

    /// <summary>The password argument is named like a key, a secret, a token, a seed or key material (through <c>GetBytes</c>), not like a password.</summary>
    private static bool IsNamedLikeAKey(IOperation value)
    {
        value = PasswordRules.WithoutConversions(value);
        if (value is IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } getBytes)
        {
            value = PasswordRules.WithoutConversions(getBytes.Arguments[0].Value);
        }

        var name = PasswordRules.ReferencedName(value);
        if (name is null || PasswordRules.IsPasswordValueName(name))
        {
            return false;
        }

        var words = NameWords.Split(name);
        return words.Count > 0 && words[words.Count - 1] is "key" or "secret" or "token" or "seed" or "ikm" or "material";
    }
}
