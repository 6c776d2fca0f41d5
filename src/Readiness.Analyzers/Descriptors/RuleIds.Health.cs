namespace Readiness.Analyzers;

public static partial class RuleIds
{
    public const string RDY3001_NoHealthChecks = "RDY3001";
    public const string RDY3002_HealthChecksNotExposed = "RDY3002";
    public const string RDY3003_HealthChecksNotRegistered = "RDY3003";
    public const string RDY3004_ConstantHealthEndpoint = "RDY3004";
    public const string RDY3005_DependencyWithoutHealthCheck = "RDY3005";
    public const string RDY3006_NoLivenessReadinessSplit = "RDY3006";
    public const string RDY3007_HealthChecksOnlyInDevelopment = "RDY3007";
}
