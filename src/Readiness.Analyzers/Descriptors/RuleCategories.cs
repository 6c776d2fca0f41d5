namespace Readiness.Analyzers;

/// <summary>The rule categories: Security (secrets, passwords, hardening), Observability (logging), Reliability (health checks, rate limiting).</summary>
public static class RuleCategories
{
    public const string Security = "Security";
    public const string Observability = "Observability";
    public const string Reliability = "Reliability";
}
