namespace Readiness.Analyzers;

public static partial class RuleIds
{
    public const string RDY6001_DeveloperErrorDetailsOutsideDevelopment = "RDY6001";
}
