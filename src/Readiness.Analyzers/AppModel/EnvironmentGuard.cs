namespace Readiness.Analyzers.AppModel;

/// <summary>
/// In which hosting environments a piece of start-up code runs, judged from the environment checks around it.
/// Computed by <see cref="EnvironmentGuards.Of"/>.
/// </summary>
public enum EnvironmentGuard
{
    /// <summary>Runs in every environment (or we cannot tell).</summary>
    Unguarded,

    /// <summary>
    /// Never runs in Production: under <c>IsDevelopment()</c>, <c>IsEnvironment("Development")</c> (any non-Production
    /// name: "Local", "Staging" are not Production either), <c>IsStaging()</c>, <c>!IsProduction()</c>, <c>#if DEBUG</c>,
    /// or after an early return taken in Production (<c>if (env.IsProduction()) return;</c>).
    /// </summary>
    DevelopmentOnly,

    /// <summary>
    /// Runs in Production and never in Development: under <c>!IsDevelopment()</c>, <c>IsProduction()</c>,
    /// <c>IsEnvironment("Production")</c>, the else branch of <c>IsDevelopment()</c>, <c>#if !DEBUG</c> / <c>#if RELEASE</c>,
    /// or after <c>if (env.IsDevelopment()) return;</c>. The environment check lets it run in Production; other
    /// conditions beside it may still turn it off there (<c>!env.IsDevelopment() &amp;&amp; useHsts</c> is ProductionOnly).
    /// </summary>
    ProductionOnly,
}
