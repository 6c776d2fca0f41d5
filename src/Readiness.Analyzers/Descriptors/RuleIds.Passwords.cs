namespace Readiness.Analyzers;

public static partial class RuleIds
{
    public const string RDY4001_IdentityPasswordTooShort = "RDY4001";
    public const string RDY4002_PasswordCompositionOffWithShortLength = "RDY4002";
    public const string RDY4003_AccountLockoutWeakOrDisabled = "RDY4003";
    public const string RDY4004_ValidationPermitsShortPassword = "RDY4004";
    public const string RDY4005_FastPasswordHashing = "RDY4005";
}
