namespace Readiness.Analyzers;

public static partial class RuleIds
{
    public const string RDY1001_ProviderTokenInLiteral = "RDY1001";
    public const string RDY1002_SecretNamedSymbolAssignedLiteral = "RDY1002";
    public const string RDY1003_CredentialInStructuredString = "RDY1003";
    public const string RDY1004_HardcodedSecretFallback = "RDY1004";
    public const string RDY1005_HardcodedKeyMaterial = "RDY1005";
    public const string RDY1101_SecretInConfigFile = "RDY1101";
}
