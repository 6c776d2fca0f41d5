namespace Readiness.Analyzers.Health;

internal enum DependencyKind
{
    DbContext,
    PostgreSql,
    Redis,
    Other,
}

/// <summary>A registration that makes the app depend on something outside the process: a database, a cache…</summary>
internal sealed class Dependency
{
    private Dependency(DependencyKind kind, PipelineCall call, ITypeSymbol? contextType, string display, string suggestedCheck)
    {
        Kind = kind;
        Call = call;
        ContextType = contextType;
        Display = display;
        SuggestedCheck = suggestedCheck;
    }

    public DependencyKind Kind { get; }

    public PipelineCall Call { get; }

    /// <summary>The DbContext type, for <see cref="DependencyKind.DbContext"/>.</summary>
    public ITypeSymbol? ContextType { get; }

    /// <summary>How the message names the dependency.</summary>
    public string Display { get; }

    /// <summary>The check the message suggests.</summary>
    public string SuggestedCheck { get; }

    /// <summary>The dependency registrations among the start-up calls located in <paramref name="tree"/>.</summary>
    public static ImmutableArray<Dependency> In(
        HealthFacts facts,
        SyntaxTree tree,
        ImmutableArray<string> extraRegistrations,
        CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<Dependency>();
        foreach (var call in facts.Model.Calls)
        {
            if (call.Location.SourceTree != tree)
            {
                continue;
            }

            var dependency = Classify(call, facts.Types, extraRegistrations, cancellationToken);
            if (dependency is not null)
            {
                builder.Add(dependency);
            }
        }

        return builder.ToImmutable();
    }

    private static Dependency? Classify(PipelineCall call, HealthTypes types, ImmutableArray<string> extras, CancellationToken cancellationToken)
    {
        foreach (var extra in extras)
        {
            if (string.Equals(extra, call.Name, StringComparison.Ordinal))
            {
                return new Dependency(DependencyKind.Other, call, null, "'" + call.Name + "'", "a check for it (AddCheck<T>() with an IHealthCheck, or the check its package provides)");
            }
        }

        if (call.Target != PipelineTarget.Services || !types.IsServiceCollection(HealthFacts.ReceiverOf(call.Method)))
        {
            return null;
        }

        var method = call.Method;
        switch (call.Name)
        {
            case "AddStackExchangeRedisCache" or "AddStackExchangeRedisOutputCache":
                return new Dependency(DependencyKind.Redis, call, null, "The Redis cache", "AddRedis(…) (package AspNetCore.HealthChecks.Redis)");
            case "AddNpgsqlDataSource" or "AddMultiHostNpgsqlDataSource":
                return new Dependency(DependencyKind.PostgreSql, call, null, "The PostgreSQL data source", "AddNpgSql() (package AspNetCore.HealthChecks.NpgSql)");
            case "AddScoped" or "AddTransient" or "AddSingleton" or "AddKeyedSingleton" or "AddKeyedScoped" or "AddKeyedTransient":
                foreach (var argument in method.TypeArguments)
                {
                    if (types.IsRedis(argument))
                    {
                        return new Dependency(DependencyKind.Redis, call, null, "The Redis connection (" + argument.Name + ")", "AddRedis(…) (package AspNetCore.HealthChecks.Redis)");
                    }
                }

                return null;
        }

        if (!call.Name.StartsWith("Add", StringComparison.Ordinal) || method.TypeArguments.Length == 0)
        {
            return null;
        }

        // AddDbContext<T>, AddDbContextPool<T>, AddDbContextFactory<T>, AddPooledDbContextFactory<T>,
        // and the provider shortcuts AddSqlServer<T>, AddNpgsql<T>, AddSqlite<T>…
        var context = method.TypeArguments[0];
        if (!types.IsDbContext(context) || UsesInMemoryDatabase(call, cancellationToken))
        {
            return null;
        }

        var name = context.Name;
        return new Dependency(DependencyKind.DbContext, call, context, "The database context '" + name + "'", "AddDbContextCheck<" + name + ">()");
    }

    /// <summary>The EF Core in-memory provider has no server to be down: no check needed.</summary>
    private static bool UsesInMemoryDatabase(PipelineCall call, CancellationToken cancellationToken)
    {
        var tree = call.Location.SourceTree;
        if (tree is null)
        {
            return false;
        }

        var node = call.Invocation(cancellationToken);
        foreach (var token in node.DescendantTokens())
        {
            if (token.ValueText is "UseInMemoryDatabase")
            {
                return true;
            }
        }

        return false;
    }
}
