namespace Readiness.Analyzers.AppModel;

/// <summary>
/// What an absence rule looks for in the start-up pipeline. A call into code we cannot see keeps the rule for a feature
/// quiet only when that code may register the feature (see <see cref="DelegationPolicy"/>).
/// </summary>
[Flags]
public enum StartupFeature
{
    None = 0,
    /// <summary>Health checks: <c>AddHealthChecks</c>, <c>MapHealthChecks</c>, checks on <c>IHealthChecksBuilder</c>.</summary>
    HealthChecks = 1,
    /// <summary>Rate limiting: <c>AddRateLimiter</c>, <c>UseRateLimiter</c>, policies, third-party limiters.</summary>
    RateLimiting = 2,
    /// <summary>ASP.NET Core Identity and its password and lockout options.</summary>
    Identity = 4,
    /// <summary>Every feature: what a call into an unknown library may register.</summary>
    All = HealthChecks | RateLimiting | Identity,
}
