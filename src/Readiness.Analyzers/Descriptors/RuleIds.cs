namespace Readiness.Analyzers;

/// <summary>
/// Every rule ID, one partial file per family (<c>RuleIds.Logging.cs</c>, …). IDs are <c>RDY</c> + four digits, a thousand
/// per family: 1xxx secrets, 2xxx logging, 3xxx health checks, 4xxx passwords and identity, 5xxx rate limiting, 6xxx hardening.
/// Constant names carry the ID so that one grep finds the descriptor, analyzer, fix, tests and doc page.
/// </summary>
public static partial class RuleIds
{
}
