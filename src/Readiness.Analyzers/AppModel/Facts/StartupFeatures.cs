namespace Readiness.Analyzers.AppModel.Facts;

/// <summary>Which <see cref="StartupFeature"/>s a start-up call configures, judged by its name and the types it involves.</summary>
public static class StartupFeatures
{
    /// <summary>
    /// Health checks: <c>AddHealthChecks</c>, <c>MapHealthChecks</c>, anything on <c>IHealthChecksBuilder</c>, probes.
    /// Rate limiting: the built-in limiter and its policies, third-party limiters. Identity: its registrations, endpoints and
    /// options (<c>Configure&lt;IdentityOptions&gt;</c>).
    /// </summary>
    public static StartupFeature Of(IMethodSymbol method, string receiver)
    {
        var definition = method.ReducedFrom ?? method;
        var name = definition.Name;
        var features = StartupFeature.None;
        if (receiver == "IHealthChecksBuilder"
            || Contains(name, "Health") || Contains(name, "Probe")
            || definition.ReturnType.Name == "IHealthChecksBuilder")
        {
            features |= StartupFeature.HealthChecks;
        }

        if (Contains(name, "RateLimit") || InNamespace(definition.ContainingType, "Microsoft.AspNetCore.RateLimiting"))
        {
            features |= StartupFeature.RateLimiting;
        }

        if (Contains(name, "Identity") || receiver == "IdentityBuilder" || InNamespace(definition.ContainingType, "Microsoft.AspNetCore.Identity"))
        {
            features |= StartupFeature.Identity;
        }

        foreach (var argument in method.TypeArguments)
        {
            if (LooksLikeLimiter(argument.Name) || argument.ContainingNamespace?.Name == "AspNetCoreRateLimit")
            {
                // UseMiddleware<ThrottlingMiddleware>(), Configure<IpRateLimitOptions>(…).
                features |= StartupFeature.RateLimiting;
            }
            else if (argument.Name is "IdentityOptions" or "PasswordOptions" or "LockoutOptions")
            {
                features |= StartupFeature.Identity;
            }
            else if (argument.Name is "RateLimiterOptions")
            {
                features |= StartupFeature.RateLimiting;
            }
            else if (argument.Name is "HealthCheckServiceOptions" or "HealthCheckPublisherOptions")
            {
                features |= StartupFeature.HealthChecks;
            }
        }

        return features;
    }

    /// <summary>A middleware or options type named like a limiter: <c>ThrottlingMiddleware</c>, <c>RequestLimiter</c>, <c>IpRateLimitOptions</c>.</summary>
    public static bool LooksLikeLimiter(string typeName)
        => typeName.IndexOf("Limit", StringComparison.OrdinalIgnoreCase) >= 0 || typeName.IndexOf("Throttl", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool Contains(string name, string word) => name.IndexOf(word, StringComparison.Ordinal) >= 0;

    private static bool InNamespace(INamedTypeSymbol? type, string name)
    {
        var ns = type?.ContainingNamespace;
        return ns is not null && !ns.IsGlobalNamespace && ns.ToDisplayString().StartsWith(name, StringComparison.Ordinal);
    }
}
