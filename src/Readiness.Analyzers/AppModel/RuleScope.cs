namespace Readiness.Analyzers.AppModel;

/// <summary>
/// Which projects a rule runs in, declared once by each analyzer (<see cref="Common.ReadinessAnalyzer.Scope"/>) and
/// answered in one place (<see cref="ProjectScope"/>). Where a rule does not apply, it registers nothing: a class
/// library or a test project pays nothing for a web-app rule.
/// </summary>
public enum RuleScope
{
    /// <summary>
    /// Every kind of project. Test projects only with <c>readiness.analyze_test_projects = true</c> (read per file).
    /// The secrets and password rules: a hardcoded key or a weak hash is wrong in a library too.
    /// </summary>
    AnyProject,

    /// <summary>
    /// Code whose output should go through <c>ILogger</c>: web apps and workers; libraries that reference
    /// <c>Microsoft.Extensions.Logging</c>; test projects only when opted in and referencing it; never a console tool,
    /// whose console is its user interface. <c>readiness.logging.console_output</c> (per file) overrides the kind.
    /// </summary>
    CodeThatLogs,

    /// <summary>
    /// ASP.NET Core web apps only: the start-up and absence rules (health checks, rate limiting, Identity's policy).
    /// Libraries, workers, console tools and test projects never build the application model for them.
    /// </summary>
    WebApps,
}
