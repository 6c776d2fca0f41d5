namespace Readiness.Analyzers.AppModel;

/// <summary>
/// The one answer to "does start-up hand this feature to code we cannot see?", shared by every absence rule.
/// A start-up call into another, non-framework assembly may register anything, so an absence rule stays quiet rather
/// than claim with false confidence that the feature is missing — unless the library is listed here as registering
/// nothing of that feature. The table is data: add a library once and every family agrees on it.
/// </summary>
public static class DelegationPolicy
{
    /// <summary>
    /// Assembly-name prefixes of well-known libraries and what their start-up extensions may register. A library not listed
    /// may register every <see cref="StartupFeature"/>.
    /// </summary>
    private static readonly (string Prefix, StartupFeature MayRegister)[] KnownLibraries =
    {
        // API documentation and versioning.
        ("Swashbuckle", StartupFeature.None),
        ("NSwag.", StartupFeature.None),
        ("Scalar.", StartupFeature.None),
        ("Asp.Versioning.", StartupFeature.None),
        // Validation, mapping, mediators.
        ("FluentValidation", StartupFeature.None),
        ("AutoMapper", StartupFeature.None),
        ("Mapster", StartupFeature.None),
        ("MediatR", StartupFeature.None),
        // Logging and telemetry.
        ("Serilog", StartupFeature.None),
        ("OpenTelemetry", StartupFeature.None),
        // Database, cache and messaging clients, resilience, background jobs, gRPC, hashing.
        ("Npgsql", StartupFeature.None),
        ("Pomelo.EntityFrameworkCore", StartupFeature.None),
        ("Oracle.EntityFrameworkCore", StartupFeature.None),
        ("MongoDB.", StartupFeature.None),
        ("StackExchange.Redis", StartupFeature.None),
        ("Polly", StartupFeature.None),
        ("Hangfire", StartupFeature.None),
        ("Grpc.", StartupFeature.None),
        ("BCrypt", StartupFeature.None),
        // Health-check packages (AddNpgSql, AddRedis, the health-checks UI) set up health checks and nothing else.
        ("HealthChecks.", StartupFeature.HealthChecks),
        ("AspNetCore.HealthChecks.", StartupFeature.HealthChecks),
    };

    /// <summary>
    /// What a start-up call of <paramref name="method"/>, made from <paramref name="self"/>, may register where we cannot
    /// see it: nothing for code of this compilation (its calls are in the model), for checks added to an
    /// <c>IHealthChecksBuilder</c> (they are in the model as checks) and for the framework (modelled by name), except
    /// framework or library calls that name health checks or probes (<c>AddKubernetesProbes()</c>); for another assembly's
    /// extension method, what <see cref="KnownLibraries"/> says, and everything when it says nothing.
    /// </summary>
    public static StartupFeature MayRegister(IMethodSymbol method, IAssemblySymbol self)
    {
        var definition = method.ReducedFrom ?? method;
        var assembly = definition.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, self))
        {
            return StartupFeature.None;
        }

        if (definition.IsExtensionMethod && definition.Parameters.Length > 0 && IsHealthChecksBuilder(definition.Parameters[0].Type))
        {
            return StartupFeature.None;
        }

        var features = definition.IsExtensionMethod && !IsFrameworkAssembly(assembly.Name)
            ? MayRegister(assembly.Name, definition.Name)
            : StartupFeature.None;
        return IsPackagedHealthSetup(definition.Name) ? features | StartupFeature.HealthChecks : features;
    }

    /// <summary>What a library's start-up extension named <paramref name="methodName"/> may register.</summary>
    public static StartupFeature MayRegister(string assemblyName, string methodName)
    {
        foreach (var (prefix, mayRegister) in KnownLibraries)
        {
            if (assemblyName.StartsWith(prefix, StringComparison.Ordinal))
            {
                // A method that names health checks is never excused from them, whoever ships it.
                return methodName.IndexOf("Health", StringComparison.OrdinalIgnoreCase) >= 0
                    ? mayRegister | StartupFeature.HealthChecks
                    : mayRegister;
            }
        }

        return StartupFeature.All;
    }

    /// <summary>The framework: <c>Microsoft.*</c>, <c>System.*</c>. What its calls register is modelled by name.</summary>
    public static bool IsFrameworkAssembly(string name)
        => name.StartsWith("Microsoft.", StringComparison.Ordinal)
            || name.StartsWith("System.", StringComparison.Ordinal)
            || name == "System"
            || name == "mscorlib"
            || name == "netstandard";

    private static bool IsHealthChecksBuilder(ITypeSymbol? type)
        => type is { Name: "IHealthChecksBuilder" } && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection";

    private static bool IsPackagedHealthSetup(string name)
        => name is not ("AddHealthChecks" or "MapHealthChecks" or "UseHealthChecks")
            && (name.IndexOf("Health", StringComparison.Ordinal) >= 0 || name.IndexOf("Probe", StringComparison.Ordinal) >= 0);
}
