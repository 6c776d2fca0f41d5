namespace Readiness.Analyzers.Options;

public static partial class ReadinessOptions
{
    public static readonly OptionDefinition<ImmutableArray<string>> HealthEndpointPaths = new(
        "readiness.health.endpoint_paths",
        ImmutableArray.Create("/health"),
        "/health",
        ParsePaths,
        "RDY3001/RDY3002: the endpoint path(s) the code fix maps. One path maps every check; two paths (e.g. /health/live,/health/ready) map a liveness endpoint that runs no check and a readiness endpoint that runs them all.");

    public static readonly OptionDefinition<ImmutableArray<string>> HealthDependencyRegistrations = new(
        "readiness.health.dependency_registrations",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseMethodNames,
        "RDY3005: extra comma-separated names of service registrations that add a dependency needing a health check (e.g. AddMongoClient, AddRabbitMqConnection).");

    /// <summary>Comma-separated route paths, kept as written (case matters in a path), each starting with '/'.</summary>
    internal static bool ParsePaths(string text, out ImmutableArray<string> value)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = part.Trim();
            if (path.Length == 0)
            {
                continue;
            }

            foreach (var c in path)
            {
                if (char.IsWhiteSpace(c) || c is '"' or '\\' or '{' or '}')
                {
                    value = default;
                    return false;
                }
            }

            builder.Add(path[0] == '/' ? path : "/" + path);
        }

        value = builder.ToImmutable();
        return builder.Count is 1 or 2;
    }

    /// <summary>Comma-separated method names, kept as written (matched ordinally).</summary>
    internal static bool ParseMethodNames(string text, out ImmutableArray<string> value)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Trim();
            if (name.Length > 0)
            {
                builder.Add(name);
            }
        }

        value = builder.ToImmutable();
        return true;
    }
}
