namespace Readiness.Analyzers.Descriptors;

/// <summary>
/// Every rule ID in one place. IDs are <c>RDY</c> + four digits, a thousand per family:
/// 1xxx secrets, 2xxx logging, 3xxx health checks, 4xxx passwords and identity, 5xxx rate limiting, 6xxx hardening.
/// </summary>
public static class RuleIds
{
    public const string RDY2001_ConsoleOutputInsteadOfLogger = "RDY2001";
    public const string RDY2002_DebugOrTraceOutputInsteadOfLogger = "RDY2002";
    public const string RDY2003_SensitiveDataInLog = "RDY2003";
}
