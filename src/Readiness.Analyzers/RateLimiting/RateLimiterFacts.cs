namespace Readiness.Analyzers.RateLimiting;

/// <summary>A policy name written in code: where, and its constant value.</summary>
internal readonly struct PolicyName
{
    public PolicyName(string name, Location location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; }

    public Location Location { get; }
}

/// <summary>
/// What the built-in rate limiter is configured with, across the whole compilation — the parts the application model does
/// not see because they are called on <c>RateLimiterOptions</c> or endpoint builders: policy definitions, policy uses,
/// <c>RejectionStatusCode</c>/<c>OnRejected</c>. Built lazily, at most once per compilation, and only for compilations that
/// call <c>AddRateLimiter</c> or <c>UseRateLimiter</c> (the callers check the model first).
/// </summary>
internal sealed class RateLimiterFacts
{
    private static readonly Memo<Compilation, RateLimiterFacts> Facts = new(static (compilation, cancellationToken) => Build(compilation, cancellationToken));

    private RateLimiterFacts(
        ImmutableHashSet<string> definedPolicies,
        bool hasDynamicPolicyNames,
        ImmutableArray<PolicyName> policyUses,
        bool setsRejectionStatus,
        bool configuresOptionsIndirectly)
    {
        DefinedPolicies = definedPolicies;
        HasDynamicPolicyNames = hasDynamicPolicyNames;
        PolicyUses = policyUses;
        SetsRejectionStatus = setsRejectionStatus;
        ConfiguresOptionsIndirectly = configuresOptionsIndirectly;
    }

    /// <summary>Constant names given to <c>AddPolicy</c>/<c>AddFixedWindowLimiter</c>/… anywhere in the compilation.</summary>
    public ImmutableHashSet<string> DefinedPolicies { get; }

    /// <summary>True when some policy is defined with a name that is not a compile-time constant (e.g. read from configuration).</summary>
    public bool HasDynamicPolicyNames { get; }

    /// <summary>Constant names in <c>[EnableRateLimiting("…")]</c> and <c>.RequireRateLimiting("…")</c>.</summary>
    public ImmutableArray<PolicyName> PolicyUses { get; }

    /// <summary>True when any endpoint-specific policy is used (named or not): <c>[EnableRateLimiting]</c>, <c>RequireRateLimiting</c>.</summary>
    public bool UsesEndpointPolicies { get; private set; }

    /// <summary><c>RateLimiterOptions.GlobalLimiter</c> is mentioned somewhere (a global limiter covers every endpoint).</summary>
    public bool HasGlobalLimiter { get; private set; }

    /// <summary><c>MapControllers()</c>/<c>MapControllerRoute(…)</c>/… chained with <c>RequireRateLimiting</c>: every controller action has a policy.</summary>
    public bool ControllersRequireRateLimiting { get; private set; }

    /// <summary><c>RateLimiterOptions.RejectionStatusCode</c> or <c>OnRejected</c> is set somewhere.</summary>
    public bool SetsRejectionStatus { get; }

    /// <summary><c>RateLimiterOptions</c> is configured other than through an <c>AddRateLimiter</c> lambda (<c>Configure&lt;RateLimiterOptions&gt;</c>, <c>IConfigureOptions&lt;RateLimiterOptions&gt;</c>, …).</summary>
    public bool ConfiguresOptionsIndirectly { get; }

    public static RateLimiterFacts For(Compilation compilation, CancellationToken cancellationToken)
        => Facts.Get(compilation, cancellationToken);

    private static RateLimiterFacts Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var types = RateLimiterTypes.Create(compilation);
        if (types is null)
        {
            return new RateLimiterFacts(ImmutableHashSet<string>.Empty, false, ImmutableArray<PolicyName>.Empty, false, false);
        }

        var collector = new Collector(compilation, types, cancellationToken);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            collector.Collect(tree);
        }

        return collector.ToFacts();
    }

    /// <summary>Gathers the facts from the places that write one of <see cref="NamesOfInterest"/>, file by file.</summary>
    private sealed class Collector
    {
        private readonly Compilation _compilation;
        private readonly RateLimiterTypes _types;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableHashSet<string>.Builder _defined = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        private readonly ImmutableArray<PolicyName>.Builder _uses = ImmutableArray.CreateBuilder<PolicyName>();
        private bool _dynamicNames;
        private bool _setsStatus;
        private bool _indirect;
        private bool _usesEndpointPolicies;
        private bool _hasGlobalLimiter;
        private bool _controllersCovered;
        private SyntaxTree? _tree;
        private SemanticModel? _model;

        public Collector(Compilation compilation, RateLimiterTypes types, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _types = types;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The semantic model of the file being read, asked for only when a name needs binding.</summary>
        private SemanticModel Model => _model ??= _compilation.GetSemanticModel(_tree!);

        public void Collect(SyntaxTree tree)
        {
            (_tree, _model) = (tree, null);
            foreach (var token in Names.In(tree, _cancellationToken))
            {
                // The constructs those names make: a call, an attribute, a property, a type argument.
                var written = token.Parent;
                Visit(written);
                Visit(SourceScan.InvocationNamedBy(token));
                Visit(AttributeNamedBy(written));
                Visit(GenericWithTypeArgument(written));
            }
        }

        public RateLimiterFacts ToFacts()
            => new(_defined.ToImmutable(), _dynamicNames, _uses.ToImmutable(), _setsStatus, _indirect)
            {
                UsesEndpointPolicies = _usesEndpointPolicies,
                HasGlobalLimiter = _hasGlobalLimiter,
                ControllersRequireRateLimiting = _controllersCovered,
            };

        private void Visit(SyntaxNode? node)
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                {
                    var name = InvokedName(invocation);
                    if (name is null || !(RateLimiterTypes.IsPolicyDefinitionName(name) || name == "RequireRateLimiting")
                        || Model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol method)
                    {
                        break;
                    }

                    if (_types.IsPolicyDefinition(method))
                    {
                        if (ConstantName(NameArgument(invocation, method, "policyName")) is { } constant)
                        {
                            _defined.Add(constant.Name);
                        }
                        else
                        {
                            _dynamicNames = true;
                        }
                    }
                    else if (_types.IsRequireRateLimiting(method))
                    {
                        _usesEndpointPolicies = true;
                        _controllersCovered |= invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax receiver }
                            && InvokedName(receiver) is "MapControllers" or "MapControllerRoute" or "MapDefaultControllerRoute" or "MapAreaControllerRoute";
                        if (ConstantName(NameArgument(invocation, method, "policyName")) is { } constant)
                        {
                            _uses.Add(constant);
                        }
                    }

                    break;
                }

                case AttributeSyntax attribute when IsEnableRateLimitingName(attribute.Name):
                    if (Model.GetSymbolInfo(attribute, _cancellationToken).Symbol is IMethodSymbol ctor
                        && SymbolEqualityComparer.Default.Equals(ctor.ContainingType, _types.EnableRateLimitingAttribute))
                    {
                        _usesEndpointPolicies = true;
                        if (attribute.ArgumentList is { Arguments.Count: > 0 } list && ConstantName(list.Arguments[0]) is { } constant)
                        {
                            _uses.Add(constant);
                        }
                    }

                    break;

                case IdentifierNameSyntax { Identifier.ValueText: "GlobalLimiter" } global when !_hasGlobalLimiter:
                    _hasGlobalLimiter = IsRateLimiterOption(global);
                    break;

                case IdentifierNameSyntax identifier when !_setsStatus && identifier.Identifier.ValueText is "RejectionStatusCode" or "OnRejected":
                    _setsStatus = IsRateLimiterOption(identifier);
                    break;

                case GenericNameSyntax generic when !_indirect && MentionsRateLimiterOptions(generic):
                    // Configure<RateLimiterOptions>(…), AddOptions<RateLimiterOptions>(), IConfigureOptions<RateLimiterOptions>:
                    // the options are shaped somewhere an AddRateLimiter lambda does not show.
                    _indirect = true;
                    break;
            }
        }

        private bool IsRateLimiterOption(IdentifierNameSyntax name)
            => Model.GetSymbolInfo(name, _cancellationToken).Symbol is IPropertySymbol property
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, _types.RateLimiterOptions);

        /// <summary>The argument's constant string value and where it is written, or null when it is not a constant.</summary>
        private PolicyName? ConstantName(SyntaxNode? argument)
        {
            var expression = argument switch
            {
                ArgumentSyntax plain => plain.Expression,
                AttributeArgumentSyntax attributeArgument => attributeArgument.Expression,
                _ => null,
            };
            return expression is not null && Model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string constant }
                ? new PolicyName(constant, argument!.GetLocation())
                : null;
        }
    }

    /// <summary>The names the facts are made of; a file that writes none of them is not looked at further.</summary>
    private static readonly string[] NamesOfInterest =
    {
        "AddPolicy", "AddFixedWindowLimiter", "AddSlidingWindowLimiter", "AddTokenBucketLimiter", "AddConcurrencyLimiter",
        "RequireRateLimiting", "EnableRateLimiting", "EnableRateLimitingAttribute", "GlobalLimiter", "RejectionStatusCode",
        "OnRejected", "RateLimiterOptions",
    };

    /// <summary>Where each file writes <see cref="NamesOfInterest"/>, kept per tree: after an edit only that file is scanned again.</summary>
    internal static readonly CachedNameScan Names = new(IsNameOfInterest);

    private static bool IsNameOfInterest(string text, int start, int length)
    {
        foreach (var name in NamesOfInterest)
        {
            if (SourceScan.Is(text, start, length, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attribute whose (possibly qualified) name ends with <paramref name="name"/>, or null.</summary>
    private static AttributeSyntax? AttributeNamedBy(SyntaxNode? name)
        => WholeName(name)?.Parent is AttributeSyntax attribute && attribute.Name == WholeName(name) ? attribute : null;

    /// <summary>The generic name (<c>Configure&lt;…&gt;</c>) that takes <paramref name="name"/> as a type argument, or null.</summary>
    private static GenericNameSyntax? GenericWithTypeArgument(SyntaxNode? name)
        => WholeName(name)?.Parent is TypeArgumentListSyntax { Parent: GenericNameSyntax generic } ? generic : null;

    /// <summary><c>N</c> alone, or the qualified name it ends (<c>A.B.N</c>, <c>alias::N</c>).</summary>
    private static SyntaxNode? WholeName(SyntaxNode? name)
        => name?.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            ? qualified
            : name?.Parent is AliasQualifiedNameSyntax alias && alias.Name == name ? alias : name;

    private static bool MentionsRateLimiterOptions(GenericNameSyntax generic)
    {
        foreach (var argument in generic.TypeArgumentList.Arguments)
        {
            if (CandidateOperations.LastIdentifier(argument) == "RateLimiterOptions")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnableRateLimitingName(NameSyntax name)
        => CandidateOperations.LastIdentifier(name) is "EnableRateLimiting" or "EnableRateLimitingAttribute";

    internal static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The argument bound to <paramref name="parameterName"/> (named or positional), or null.</summary>
    private static ArgumentSyntax? NameArgument(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameterName)
    {
        // The bound symbol's parameters line up with the written arguments: a reduced extension method has no 'this'
        // parameter, and a static call of an extension method passes the receiver as the first argument.
        var parameters = method.Parameters;
        var index = -1;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == parameterName)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is { } nameColon)
            {
                if (nameColon.Name.Identifier.ValueText == parameterName)
                {
                    return argument;
                }
            }
        }

        return index < arguments.Count && arguments[index].NameColon is null ? arguments[index] : null;
    }
}
