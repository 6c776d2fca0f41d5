namespace Readiness.Analyzers.Health;

/// <summary>What a route template says about itself: a health or readiness probe, a liveness probe, or neither.</summary>
internal enum HealthRouteKind
{
    None,
    /// <summary><c>/health</c>, <c>/healthz</c>, <c>/hc</c>, <c>/health/ready</c>…: claims the app and its dependencies are fine.</summary>
    HealthOrReadiness,
    /// <summary><c>/health/live</c>, <c>/alive</c>, <c>/ping</c>…: only claims the process answers, so a constant reply is right.</summary>
    Liveness,
}

internal static class HealthRoutes
{
    /// <summary>Judges a route by its last literal segment: <c>/api/health</c> and <c>health</c> are health routes, <c>/health/live</c> a liveness route.</summary>
    public static HealthRouteKind Classify(string? route)
    {
        if (route is null || route.Length == 0 || route.Length > 200)
        {
            return HealthRouteKind.None;
        }

        var end = route.Length;
        while (end > 0 && route[end - 1] == '/')
        {
            end--;
        }

        var start = route.LastIndexOf('/', Math.Max(0, end - 1)) + 1;
        if (end <= start)
        {
            return HealthRouteKind.None;
        }

        var segment = route.Substring(start, end - start).ToLowerInvariant();
        switch (segment)
        {
            case "health":
            case "healthz":
            case "healthcheck":
            case "healthchecks":
            case "health-check":
            case "health_check":
            case "hc":
            case "ready":
            case "readyz":
            case "readiness":
                return HealthRouteKind.HealthOrReadiness;
            case "live":
            case "livez":
            case "liveness":
            case "alive":
            case "ping":
                return HealthRouteKind.Liveness;
            default:
                return HealthRouteKind.None;
        }
    }
}
