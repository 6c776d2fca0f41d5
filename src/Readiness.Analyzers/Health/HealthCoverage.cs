namespace Readiness.Analyzers.Health;

/// <summary>Which dependencies the app's registered health checks look at.</summary>
internal sealed class HealthCoverage
{
    private readonly HashSet<ITypeSymbol> _dbContexts = new(SymbolEqualityComparer.Default);

    private HealthCoverage()
    {
    }

    /// <summary>A database-engine check (<c>AddSqlServer</c>, <c>AddNpgSql</c>…) or a check that takes a connection: covers every DbContext.</summary>
    public bool AnyDatabase { get; private set; }

    public bool PostgreSql { get; private set; }

    public bool Redis { get; private set; }

    /// <summary>A check whose reach we cannot see (a delegate that does real work, a check resolving services itself): covers everything.</summary>
    public bool Unknown { get; private set; }

    /// <summary>A custom or third-party check: covers the extra registrations named in the options.</summary>
    public bool Other { get; private set; }

    /// <summary>Whether any check looks at something outside the process (what makes a liveness/readiness split matter).</summary>
    public bool HasDependencyChecks => _dbContexts.Count > 0 || AnyDatabase || PostgreSql || Redis || Unknown || Other;

    public bool Covers(Dependency dependency)
    {
        if (Unknown)
        {
            return true;
        }

        switch (dependency.Kind)
        {
            case DependencyKind.DbContext:
                if (AnyDatabase)
                {
                    return true;
                }

                foreach (var checkedContext in _dbContexts)
                {
                    if (DerivesFromAsWritten(dependency.ContextType, checkedContext as INamedTypeSymbol)
                        || DerivesFromAsWritten(checkedContext, dependency.ContextType as INamedTypeSymbol))
                    {
                        return true;
                    }
                }

                return false;
            case DependencyKind.PostgreSql:
                return PostgreSql || AnyDatabase;
            case DependencyKind.Redis:
                return Redis;
            default:
                return Other;
        }
    }

    public static HealthCoverage Compute(Compilation compilation, HealthFacts facts, CancellationToken cancellationToken)
    {
        var coverage = new HealthCoverage();
        var types = facts.Types;
        foreach (var check in facts.Checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var method = check.Method;
            switch (method.Name)
            {
                case "AddDbContextCheck":
                    if (method.TypeArguments.Length > 0)
                    {
                        coverage._dbContexts.Add(method.TypeArguments[0]);
                    }

                    break;
                case "AddNpgSql":
                    coverage.PostgreSql = true;
                    coverage.AnyDatabase = true;
                    break;
                case "AddSqlServer" or "AddMySql" or "AddOracle" or "AddSqlite" or "AddAzureSql":
                    coverage.AnyDatabase = true;
                    break;
                case "AddRedis":
                    coverage.Redis = true;
                    break;
                case "AddCheck" or "AddTypeActivatedCheck" or "AddAsyncCheck":
                    if (method.TypeArguments.Length > 0)
                    {
                        coverage.Other = true;
                        coverage.AddCustomCheck(method.TypeArguments[0], types);
                    }
                    else
                    {
                        coverage.AddInstanceOrDelegateCheck(compilation, check, types, cancellationToken);
                    }

                    break;
                default:
                    // A third-party check (AddMongoDb, AddRabbitMQ, AddUrlGroup…): it covers what it covers, and the extras.
                    coverage.Other = true;
                    break;
            }
        }

        return coverage;
    }

    private void AddInstanceOrDelegateCheck(Compilation compilation, PipelineCall check, HealthTypes types, CancellationToken cancellationToken)
    {
        var tree = check.Location.SourceTree;
        if (tree is null)
        {
            Unknown = true;
            return;
        }

        var model = compilation.GetSemanticModel(tree);
        var node = check.Invocation(cancellationToken);
        if (model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation)
        {
            Unknown = true;
            Other = true;
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation function })
            {
                // HealthCheckResult.Healthy() is an in-process ("self") check: it covers nothing.
                if (!ConstantResponse.Create(compilation).IsConstant(function.Body))
                {
                    Unknown = true;
                    Other = true;
                }
            }
            else if (value is IDelegateCreationOperation)
            {
                // A method group: we do not follow it.
                Unknown = true;
                Other = true;
            }
            else if (value.Type is { } type && WellKnownTypeProvider.Implements(type, types.IHealthCheck))
            {
                Other = true;
                AddCustomCheck(type, types);
            }
        }
    }

    private void AddCustomCheck(ITypeSymbol checkType, HealthTypes types)
    {
        if (checkType is not INamedTypeSymbol named || named.TypeKind == TypeKind.Interface || named.IsAbstract)
        {
            Unknown = true;
            return;
        }

        foreach (var constructor in named.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                var type = parameter.Type;
                if (types.IsDbContext(type))
                {
                    _dbContexts.Add(type);
                }
                else if (type is INamedTypeSymbol { IsGenericType: true } generic
                    && SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, types.IDbContextFactory))
                {
                    _dbContexts.Add(generic.TypeArguments[0]);
                }
                else if (types.IsRedis(type) || WellKnownTypeProvider.Implements(type, types.IDistributedCache))
                {
                    Redis = true;
                }
                else if (WellKnownTypeProvider.DerivesFrom(type, types.DbDataSource)
                    || WellKnownTypeProvider.DerivesFrom(type, types.DbConnection)
                    || WellKnownTypeProvider.Implements(type, types.IDbConnection))
                {
                    AnyDatabase = true;
                    PostgreSql = true;
                }
                else if (type.Name is "IServiceProvider" or "IServiceScopeFactory")
                {
                    Unknown = true;
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="type"/> or a base of it is <paramref name="other"/> as written: each base's definition is
    /// compared with <paramref name="other"/> itself, so a constructed generic context (<c>AppDbContext&lt;Tenant&gt;</c>)
    /// never matches. Not <see cref="WellKnownTypeProvider.DerivesFrom"/>, which compares definitions and would let
    /// <c>AppDbContext&lt;A&gt;</c> cover <c>AppDbContext&lt;B&gt;</c>; kept as it was so coverage does not change.
    /// </summary>
    private static bool DerivesFromAsWritten(ITypeSymbol? type, INamedTypeSymbol? other)
    {
        if (other is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, other))
            {
                return true;
            }
        }

        return false;
    }
}
