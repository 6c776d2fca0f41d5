namespace Readiness.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RDY2001_ConsoleOutputInsteadOfLogger = Create(
        RuleIds.RDY2001_ConsoleOutputInsteadOfLogger,
        title: "Use ILogger instead of console output",
        messageFormat: "'{0}' writes unstructured text that bypasses logging levels, filters, scopes and sinks; log through ILogger instead",
        RuleCategories.Observability,
        DiagnosticSeverity.Warning,
        description: "In a web app, worker or logging-aware library, console output is not a log: it has no level, no structure, no correlation, cannot be filtered or routed, and it is synchronous and slow under load. Write through Microsoft.Extensions.Logging's ILogger.");

    public static readonly DiagnosticDescriptor RDY2002_DebugOrTraceOutputInsteadOfLogger = Create(
        RuleIds.RDY2002_DebugOrTraceOutputInsteadOfLogger,
        title: "Use ILogger instead of Debug or Trace output",
        messageFormat: "'{0}' {1}; log through ILogger instead",
        RuleCategories.Observability,
        DiagnosticSeverity.Warning,
        description: "System.Diagnostics.Debug calls are removed from Release builds, and Trace output goes to trace listeners that a container never collects. Neither reaches the app's logging pipeline.");

    public static readonly DiagnosticDescriptor RDY2003_SensitiveDataInLog = Create(
        RuleIds.RDY2003_SensitiveDataInLog,
        title: "Do not write sensitive data to logs",
        messageFormat: "'{0}' looks like {1} and is written to {2}; log a non-secret identifier or a redacted form instead",
        RuleCategories.Observability,
        DiagnosticSeverity.Warning,
        description: "Logs are copied to consoles, files, log stores and third parties, kept for months and read by many people. Passwords, tokens, keys, connection strings and card numbers must never be written to them.");
}
