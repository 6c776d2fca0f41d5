namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// The rate limiting rules' view of the compilation's <see cref="WellKnownTypeProvider"/>: the ASP.NET Core rate limiting
/// types and how a call names a policy; null when the app cannot use them.
/// </summary>
internal sealed class RateLimiterTypes
{
    private RateLimiterTypes(WellKnownTypeProvider types, INamedTypeSymbol options)
    {
        RateLimiterOptions = options;
        RateLimiterOptionsExtensions = types.Get("Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions");
        EnableRateLimitingAttribute = types.Get("Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
        EndpointConventionExtensions = types.Get("Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions");
    }

    public INamedTypeSymbol RateLimiterOptions { get; }
    public INamedTypeSymbol? RateLimiterOptionsExtensions { get; }
    public INamedTypeSymbol? EnableRateLimitingAttribute { get; }
    public INamedTypeSymbol? EndpointConventionExtensions { get; }

    public static RateLimiterTypes? Create(Compilation compilation)
    {
        var types = WellKnownTypeProvider.For(compilation);
        return types.Get("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions") is { } options ? new RateLimiterTypes(types, options) : null;
    }

    public static bool IsPolicyDefinitionName(string name)
        => name is "AddPolicy" or "AddFixedWindowLimiter" or "AddSlidingWindowLimiter" or "AddTokenBucketLimiter" or "AddConcurrencyLimiter";

    public bool IsPolicyDefinition(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        var type = definition.ContainingType?.OriginalDefinition;
        return IsPolicyDefinitionName(method.Name)
            && (SymbolEqualityComparer.Default.Equals(type, RateLimiterOptions) || SymbolEqualityComparer.Default.Equals(type, RateLimiterOptionsExtensions));
    }

    public bool IsRequireRateLimiting(IMethodSymbol method)
        => method.Name == "RequireRateLimiting"
            && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, EndpointConventionExtensions);
}
