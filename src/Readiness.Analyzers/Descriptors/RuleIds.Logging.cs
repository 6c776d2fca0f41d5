namespace Readiness.Analyzers;

public static partial class RuleIds
{
    public const string RDY2001_ConsoleOutputInsteadOfLogger = "RDY2001";
    public const string RDY2002_DebugOrTraceOutputInsteadOfLogger = "RDY2002";
    public const string RDY2003_SensitiveDataInLog = "RDY2003";
}
