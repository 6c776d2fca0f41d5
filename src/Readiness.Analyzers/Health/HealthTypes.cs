namespace Readiness.Analyzers.Health;

/// <summary>
/// The health rules' view of the compilation's <see cref="WellKnownTypeProvider"/>: named types and the questions the rules
/// ask of them. Absent packages leave their entries null.
/// </summary>
internal sealed class HealthTypes
{
    private HealthTypes(WellKnownTypeProvider types, INamedTypeSymbol healthChecksBuilder)
    {
        IHealthChecksBuilder = healthChecksBuilder;
        IHealthCheck = types.Get("Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck");
        DbContext = types.Get("Microsoft.EntityFrameworkCore.DbContext");
        IDbContextFactory = types.Get("Microsoft.EntityFrameworkCore.IDbContextFactory`1");
        IServiceCollection = types.Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        IConnectionMultiplexer = types.Get("StackExchange.Redis.IConnectionMultiplexer");
        IDistributedCache = types.Get("Microsoft.Extensions.Caching.Distributed.IDistributedCache");
        DbDataSource = types.Get("System.Data.Common.DbDataSource");
        DbConnection = types.Get("System.Data.Common.DbConnection");
        IDbConnection = types.Get("System.Data.IDbConnection");
    }

    public INamedTypeSymbol IHealthChecksBuilder { get; }
    public INamedTypeSymbol? IHealthCheck { get; }
    public INamedTypeSymbol? DbContext { get; }
    public INamedTypeSymbol? IDbContextFactory { get; }
    public INamedTypeSymbol? IServiceCollection { get; }
    public INamedTypeSymbol? IConnectionMultiplexer { get; }
    public INamedTypeSymbol? IDistributedCache { get; }
    public INamedTypeSymbol? DbDataSource { get; }
    public INamedTypeSymbol? DbConnection { get; }
    public INamedTypeSymbol? IDbConnection { get; }

    /// <summary>The health types of <paramref name="compilation"/>, or null when it cannot see <c>IHealthChecksBuilder</c>.</summary>
    public static HealthTypes? Create(Compilation compilation)
    {
        var types = WellKnownTypeProvider.For(compilation);
        return types.Get("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder") is { } builder ? new HealthTypes(types, builder) : null;
    }

    public bool IsHealthChecksBuilder(ITypeSymbol? type) => WellKnownTypeProvider.Implements(type, IHealthChecksBuilder);

    public bool IsServiceCollection(ITypeSymbol? type) => WellKnownTypeProvider.Implements(type, IServiceCollection);

    public bool IsDbContext(ITypeSymbol? type) => WellKnownTypeProvider.DerivesFrom(type, DbContext);

    public bool IsRedis(ITypeSymbol? type) => WellKnownTypeProvider.Implements(type, IConnectionMultiplexer);
}
