namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1004: a secret read from configuration or the environment falls back to a literal —
/// <c>config["Jwt:Key"] ?? "…"</c>, <c>config.GetSection("X").Value ?? "…"</c>, <c>GetValue&lt;string&gt;("ApiKey", "…")</c>,
/// <c>Environment.GetEnvironmentVariable("JWT_SECRET") ?? "…"</c>, <c>GetConnectionString("Db") ?? "…Password=…"</c>.
/// Judged by the key (a secret name) and the value (not a placeholder; for connection strings, a credential inside).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretFallbackAnalyzer : ReadinessAnalyzer
{
    /// <summary>Diagnostic property: the configuration key or variable name (never the value).</summary>
    public const string KeyProperty = "Key";

    /// <summary>Diagnostic property: "coalesce" (<c>?? "…"</c>) or "getvalue" (<c>GetValue(key, default)</c>).</summary>
    public const string ShapeProperty = "Shape";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1004_HardcodedSecretFallback);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var types = new Types(environment.Types);
        if (types.Configuration is null && types.Environment is null)
        {
            return;
        }

        var cache = new SecretsSettingsCache(environment);
        // A fallback reports only a literal: look at `x ?? …` whose right side holds one, and GetValue calls.
        start.RegisterCandidateAction(
            static node => node is BinaryExpressionSyntax { Left: var left, Right: var right } && ReadsConfiguration(left) && StringLiterals.FirstValueIn(right, static n => n is AnonymousFunctionExpressionSyntax) is not null,
            context => AnalyzeCoalesce(context, types, cache),
            SyntaxKind.CoalesceExpression);
        if (types.ConfigurationBinder is not null)
        {
            start.RegisterInvocationAction(static name => name == "GetValue", types.IsGetValue, context => AnalyzeGetValue(context, types, cache));
        }
    }

    /// <summary>
    /// The syntax of a configuration read <see cref="Types.ConfigurationKeyOf"/> can name: an indexer, <c>.Value</c>, or a
    /// call named as one. A conditional access (<c>user?.Name ?? "anonymous"</c>) is none of these, whatever it ends with.
    /// </summary>
    private static bool ReadsConfiguration(ExpressionSyntax expression)
        => CandidateOperations.WithoutWrappers(expression) switch
        {
            ElementAccessExpressionSyntax => true,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "Value",
            InvocationExpressionSyntax invocation => CandidateOperations.LastIdentifier(invocation.Expression) is "GetEnvironmentVariable" or "GetConnectionString" or "GetValue",
            _ => false,
        };

    private static void AnalyzeCoalesce(OperationContext context, Types types, SecretsSettingsCache cache)
    {
        if (context.Operation is not ICoalesceOperation coalesce || !SecretLiterals.TryGet(coalesce.WhenNull, out var text))
        {
            return;
        }

        var (key, isConnectionString) = types.ConfigurationKeyOf(coalesce.Value);
        if (key is not null)
        {
            Report(context, cache, key, isConnectionString, text, coalesce.WhenNull, "coalesce");
        }
    }

    private static void AnalyzeGetValue(OperationContext context, Types types, SecretsSettingsCache cache)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!types.IsGetValue(method))
        {
            return;
        }

        IOperation? keyArgument = null, defaultArgument = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "key":
                    keyArgument = argument.Value;
                    break;
                case "defaultValue":
                    defaultArgument = argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                    break;
            }
        }

        if (keyArgument?.ConstantValue is { HasValue: true, Value: string key }
            && defaultArgument is not null
            && SecretLiterals.TryGet(defaultArgument, out var text))
        {
            Report(context, cache, key, isConnectionString: false, text, defaultArgument, "getvalue");
        }
    }

    private static void Report(OperationContext context, SecretsSettingsCache cache, string key, bool isConnectionString, string text, IOperation literal, string shape)
    {
        var settings = cache.For(literal.Syntax.SyntaxTree);
        if (settings is null || settings.IsAllowed(text))
        {
            return;
        }

        var name = settings.Classify(key);
        bool report;
        if (isConnectionString || name.Kind == SecretKind.ConnectionString)
        {
            report = StructuredCredentials.TryFind(text, out _);
        }
        else if (name.IsSecret)
        {
            // A fallback is code that runs: placeholder-looking text such as "your-secret-key" is still the key in use.
            report = !SecretText.IsBlank(text)
                && !SecretText.IsConfigKeyPath(text.Trim())
                && !SecretText.IsEnvironmentVariableName(text.Trim())
                && (name.Kind == SecretKind.Password ? text.Length >= 4 : text.Length >= settings.MinLength || ProviderTokens.TryFind(text, out _));
        }
        else
        {
            report = ProviderTokens.TryFind(text, out _) || StructuredCredentials.TryFind(text, out _);
        }

        if (!report)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(KeyProperty, key).Add(ShapeProperty, shape);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY1004_HardcodedSecretFallback,
            literal.Syntax.GetLocation(),
            properties,
            key,
            SecretText.Mask(null, text.Length)));
    }

    private sealed class Types
    {
        public Types(WellKnownTypeProvider types)
        {
            Configuration = types.Get("Microsoft.Extensions.Configuration.IConfiguration");
            ConfigurationSection = types.Get("Microsoft.Extensions.Configuration.IConfigurationSection");
            ConfigurationBinder = types.Get("Microsoft.Extensions.Configuration.ConfigurationBinder");
            ConfigurationExtensions = types.Get("Microsoft.Extensions.Configuration.ConfigurationExtensions");
            Environment = types.Get("System.Environment");
        }

        public INamedTypeSymbol? Configuration { get; }
        public INamedTypeSymbol? ConfigurationSection { get; }
        public INamedTypeSymbol? ConfigurationBinder { get; }
        public INamedTypeSymbol? ConfigurationExtensions { get; }
        public INamedTypeSymbol? Environment { get; }

        /// <summary><c>ConfigurationBinder.GetValue</c>, called either way (extension or static).</summary>
        public bool IsGetValue(IMethodSymbol method)
            => method.Name == "GetValue" && SymbolEqualityComparer.Default.Equals(method.ContainingType, ConfigurationBinder);

        /// <summary>The key a configuration or environment read uses, or null when the operation is not such a read.</summary>
        public (string? Key, bool IsConnectionString) ConfigurationKeyOf(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                    when IsConfiguration(indexer.Instance?.Type) && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                    return (key, key.StartsWith("ConnectionStrings:", System.StringComparison.OrdinalIgnoreCase));

                case IPropertyReferenceOperation { Property.Name: "Value", Instance: IInvocationOperation getSection }
                    when getSection.TargetMethod.Name == "GetSection" && IsConfiguration(getSection.Instance?.Type ?? getSection.TargetMethod.ContainingType)
                        && ConstantArgument(getSection, "key") is { } sectionKey:
                    return (sectionKey, false);

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.Name == "GetEnvironmentVariable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, Environment))
                    {
                        return (ConstantArgument(invocation, "variable"), false);
                    }

                    if (method.Name == "GetConnectionString" && SymbolEqualityComparer.Default.Equals(method.ContainingType, ConfigurationExtensions))
                    {
                        var name = ConstantArgument(invocation, "name");
                        return (name is null ? null : "ConnectionStrings:" + name, true);
                    }

                    if (IsGetValue(method))
                    {
                        return (ConstantArgument(invocation, "key"), false);
                    }

                    break;
            }

            return (null, false);
        }

        private bool IsConfiguration(ITypeSymbol? type)
            => Configuration is not null
                && (WellKnownTypeProvider.Implements(type, Configuration) || WellKnownTypeProvider.Is(type, ConfigurationSection));

        private static string? ConstantArgument(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.Value.ConstantValue is { HasValue: true, Value: string value })
                {
                    return value;
                }
            }

            return null;
        }
    }
}
