namespace Readiness.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RDY6001_DeveloperErrorDetailsOutsideDevelopment = Create(
        RuleIds.RDY6001_DeveloperErrorDetailsOutsideDevelopment,
        title: "Show developer error details only in Development",
        messageFormat: "'{0}' {1} outside Development; call it only under an IsDevelopment() check",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "The developer exception page answers every unhandled exception with its stack trace, source lines, headers and cookies; EF Core's sensitive data logging and detailed errors put parameter values and entity data into logs and exception messages. Outside Development they hand attackers the app's internals (CWE-209, CWE-215).");
}
