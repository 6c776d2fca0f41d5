namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4005: passwords hashed fast —
/// MD5/SHA-1/SHA-2/SHA-3 (<c>HashData</c>, <c>ComputeHash</c>, <c>TryComputeHash</c>) and HMAC with a constant key over a value
/// named like a password; PBKDF2 (<c>Rfc2898DeriveBytes</c>, <c>Rfc2898DeriveBytes.Pbkdf2</c>, <c>KeyDerivation.Pbkdf2</c>) below
/// the OWASP iteration count for its hash, or relying on the obsolete HMAC-SHA1 default; BCrypt.Net work factor below 10;
/// <c>PasswordHasherOptions.IterationCount</c> below the framework default and <c>CompatibilityMode = IdentityV2</c>.
/// </summary>
/// <remarks>
/// This file registers the rule and hands each call, creation or assignment to its check, each in a file of its own:
/// <see cref="FastHashOfPassword"/>, <see cref="Pbkdf2Iterations"/>, <see cref="BCryptWorkFactor"/>,
/// <see cref="IdentityHasherIterations"/>. What they share (constants, argument and password names) is <see cref="PasswordRules"/>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FastPasswordHashingAnalyzer : ReadinessAnalyzer
{
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
                context => IdentityHasherIterations.Analyze(context, environment, types.PasswordHasherOptions));
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
                FastHashOfPassword.Analyze(context, environment, types.KeyedHashAlgorithm, invocation);
                return;
            case HashingCall.Pbkdf2:
                Pbkdf2Iterations.Analyze(context, environment, invocation.Arguments, invocation.Syntax, isObsoleteConstructor: false);
                return;
            case HashingCall.BCrypt:
                BCryptWorkFactor.Analyze(context, environment, invocation);
                return;
        }
    }

    /// <summary><c>new Rfc2898DeriveBytes(…)</c>: PBKDF2, with the obsolete HMAC-SHA1 default when the constructor takes no hash.</summary>
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

            Pbkdf2Iterations.Analyze(context, environment, creation.Arguments, creation.Syntax, isObsoleteConstructor: !hasHashName);
        }
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
    }
}
