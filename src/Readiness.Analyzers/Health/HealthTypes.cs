using Microsoft.CodeAnalysis;

namespace Readiness.Analyzers.Health;

/// <summary>The types the health rules need, resolved once per compilation; absent packages leave their entries null.</summary>
internal sealed class HealthTypes
{
    private HealthTypes(Compilation compilation, INamedTypeSymbol healthChecksBuilder)
    {
        IHealthChecksBuilder = healthChecksBuilder;
        IHealthCheck = compilation.GetTypeByMetadataName("Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        IDbContextFactory = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IDbContextFactory`1");
        IServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        IConnectionMultiplexer = compilation.GetTypeByMetadataName("StackExchange.Redis.IConnectionMultiplexer");
        IDistributedCache = compilation.GetTypeByMetadataName("Microsoft.Extensions.Caching.Distributed.IDistributedCache");
        DbDataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
        DbConnection = compilation.GetTypeByMetadataName("System.Data.Common.DbConnection");
        IDbConnection = compilation.GetTypeByMetadataName("System.Data.IDbConnection");
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

    public static HealthTypes? Create(Compilation compilation)
    {
        var builder = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder");
        return builder is null ? null : new HealthTypes(compilation, builder);
    }

    public bool IsHealthChecksBuilder(ITypeSymbol? type) => IsOrImplements(type, IHealthChecksBuilder);

    public bool IsServiceCollection(ITypeSymbol? type) => IsOrImplements(type, IServiceCollection);

    public bool IsDbContext(ITypeSymbol? type) => DerivesFrom(type, DbContext);

    public bool IsRedis(ITypeSymbol? type) => IsOrImplements(type, IConnectionMultiplexer);

    public static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? wellKnown)
    {
        if (type is null || wellKnown is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wellKnown))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, wellKnown))
            {
                return true;
            }
        }

        return false;
    }

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
