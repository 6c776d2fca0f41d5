using Microsoft.CodeAnalysis;

namespace Readiness.Analyzers.RateLimiting;

/// <summary>The ASP.NET Core rate limiting types, resolved once per compilation; null when the app cannot use them.</summary>
internal sealed class RateLimiterTypes
{
    private RateLimiterTypes(Compilation compilation, INamedTypeSymbol options)
    {
        RateLimiterOptions = options;
        RateLimiterOptionsExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions");
        EnableRateLimitingAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
        EndpointConventionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions");
        ServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions");
        ApplicationBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions");
    }

    public INamedTypeSymbol RateLimiterOptions { get; }
    public INamedTypeSymbol? RateLimiterOptionsExtensions { get; }
    public INamedTypeSymbol? EnableRateLimitingAttribute { get; }
    public INamedTypeSymbol? EndpointConventionExtensions { get; }
    public INamedTypeSymbol? ServiceCollectionExtensions { get; }
    public INamedTypeSymbol? ApplicationBuilderExtensions { get; }

    public static RateLimiterTypes? Create(Compilation compilation)
        => compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions") is { } options
            ? new RateLimiterTypes(compilation, options)
            : null;

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
