using Readiness.Analyzers.AppModel.Facts;

namespace Readiness.Analyzers.RateLimiting;

/// <summary>What the application model says about rate limiting: the built-in limiter's two halves, endpoints, alternatives.</summary>
internal static class RateLimitingPipeline
{
    private const string AspNetCoreRateLimitNamespace = "AspNetCoreRateLimit";

    /// <summary>The built-in <c>AddRateLimiter</c> registrations.</summary>
    public static ImmutableArray<PipelineCall> Registrations(ApplicationModel model)
        => Framework(model.CallsNamed("AddRateLimiter"), "RateLimiterServiceCollectionExtensions");

    /// <summary>The built-in <c>UseRateLimiter</c> middleware calls.</summary>
    public static ImmutableArray<PipelineCall> Middleware(ApplicationModel model)
        => Framework(model.CallsNamed("UseRateLimiter"), "RateLimiterApplicationBuilderExtensions");

    /// <summary><c>AddRateLimiter</c> inside other projects' start-up methods the app calls (their recorded facts).</summary>
    public static ImmutableArray<ImportedCall> ImportedRegistrations(ApplicationModel model) => Imported(model, "AddRateLimiter");

    /// <summary><c>UseRateLimiter</c> inside other projects' start-up methods the app calls.</summary>
    public static ImmutableArray<ImportedCall> ImportedMiddleware(ApplicationModel model) => Imported(model, "UseRateLimiter");

    /// <summary>
    /// Whether other projects' start-up methods configure rate limiting. Rules that need the limiter's options or policies
    /// (which the facts do not carry) stay quiet then.
    /// </summary>
    public static bool HasImportedCalls(ApplicationModel model)
    {
        foreach (var imported in model.Imported)
        {
            if ((imported.Fact.Features & StartupFeature.RateLimiting) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<ImportedCall> Imported(ApplicationModel model, string name)
    {
        var builder = ImmutableArray.CreateBuilder<ImportedCall>();
        foreach (var imported in model.Imported)
        {
            if (imported.Name == name && (imported.Fact.Features & StartupFeature.RateLimiting) != 0)
            {
                builder.Add(imported);
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<PipelineCall> Framework(ImmutableArray<PipelineCall> calls, string containingType)
    {
        if (calls.IsEmpty)
        {
            return calls;
        }

        var builder = ImmutableArray.CreateBuilder<PipelineCall>(calls.Length);
        foreach (var call in calls)
        {
            var type = (call.Method.ReducedFrom ?? call.Method).ContainingType;
            if (type is not null && type.Name == containingType && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder")
            {
                builder.Add(call);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Whether the app serves HTTP endpoints a client can call: minimal API routes, controllers, Razor Pages, hubs, Blazor,
    /// Identity API endpoints. gRPC services, health checks and static files alone do not count.
    /// </summary>
    public static bool MapsEndpoints(ApplicationModel model, CancellationToken cancellationToken)
    {
        // The gRPC template also maps GET "/" to a "use a gRPC client" text: a gRPC host, not an HTTP API.
        var grpc = !model.CallsNamed("MapGrpcService").IsEmpty;
        foreach (var call in model.Calls)
        {
            if (call.Target != PipelineTarget.Application)
            {
                continue;
            }

            switch (call.Name)
            {
                case "MapGet" when grpc && MapsRoot(call, cancellationToken):
                    break;
                case "MapGet":
                case "MapPost":
                case "MapPut":
                case "MapDelete":
                case "MapPatch":
                case "MapMethods":
                case "MapControllers":
                case "MapControllerRoute":
                case "MapDefaultControllerRoute":
                case "MapAreaControllerRoute":
                case "MapDynamicControllerRoute":
                case "MapRazorPages":
                case "MapDynamicPageRoute":
                case "MapHub":
                case "MapBlazorHub":
                case "MapRazorComponents":
                case "MapIdentityApi":
                case "MapFallbackToController":
                case "MapFallbackToPage":
                case "UseMvc":
                case "UseMvcWithDefaultRoute":
                    return true;
                case "Map":
                    // EndpointRouteBuilderExtensions.Map(pattern, handler) is an endpoint; MapExtensions.Map(path, branch) is a branch.
                    if ((call.Method.ReducedFrom ?? call.Method).ContainingType?.Name == "EndpointRouteBuilderExtensions")
                    {
                        return true;
                    }

                    break;
            }
        }

        // Endpoint mappings outside the bound start-up code are known by name only.
        return model.Has("MapPost") || model.Has("MapPut") || model.Has("MapDelete") || model.Has("MapPatch")
            || model.Has("MapMethods") || model.Has("MapControllers") || model.Has("MapRazorPages") || model.Has("MapHub")
            || (!grpc && model.Has("MapGet") && model.CallsNamed("MapGet").IsEmpty);
    }

    private static bool MapsRoot(PipelineCall call, CancellationToken cancellationToken)
    {
        return call.Invocation(cancellationToken) is { ArgumentList.Arguments.Count: > 0 } invocation
            && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "/" };
    }

    /// <summary>
    /// Whether anything in the start-up pipeline limits requests: the built-in limiter (either half: the other rules judge
    /// a half-configured one), AspNetCoreRateLimit, limiter-looking middleware, or a name the team listed.
    /// </summary>
    public static bool HasAnyLimiter(ApplicationModel model, ImmutableArray<string> alternatives, CancellationToken cancellationToken)
    {
        // Limiter calls outside start-up code are known by name only: their presence is enough to stay quiet.
        foreach (var name in LimiterMethodNames)
        {
            if (model.Has(name))
            {
                return true;
            }
        }

        foreach (var alternative in alternatives)
        {
            if (model.Has(alternative))
            {
                return true;
            }
        }

        // Another project's start-up method that configures any limiter (the facts mark limiter-looking middleware too).
        if (HasImportedCalls(model))
        {
            return true;
        }

        foreach (var call in model.Calls)
        {
            switch (call.Name)
            {
                case "AddRateLimiter":
                case "UseRateLimiter":
                // AspNetCoreRateLimit's registrations and middleware.
                case "AddInMemoryRateLimiting":
                case "AddDistributedRateLimiting":
                case "AddRedisRateLimiting":
                case "UseIpRateLimiting":
                case "UseClientRateLimiting":
                    return true;
            }

            var definition = call.Method.ReducedFrom ?? call.Method;
            if (IsInAspNetCoreRateLimit(definition.ContainingType) || IsListed(call.Name, alternatives))
            {
                return true;
            }

            foreach (var typeArgument in call.Method.TypeArguments)
            {
                // Configure<IpRateLimitOptions>(…), UseMiddleware<IpRateLimitMiddleware>(), UseMiddleware<ThrottlingMiddleware>().
                if (IsInAspNetCoreRateLimit(typeArgument)
                    || (call.Name == "UseMiddleware" && LooksLikeLimiter(typeArgument as INamedTypeSymbol, alternatives)))
                {
                    return true;
                }
            }

            if (call.Name == "UseMiddleware" && call.Method.TypeArguments.IsEmpty && MiddlewareTypeOfLooksLikeLimiter(call, alternatives, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LimiterMethodNames =
    {
        "AddRateLimiter", "UseRateLimiter", "AddInMemoryRateLimiting", "AddDistributedRateLimiting", "AddRedisRateLimiting",
        "UseIpRateLimiting", "UseClientRateLimiting",
    };

    private static bool IsInAspNetCoreRateLimit(ITypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.ContainingNamespace is { IsGlobalNamespace: true } && ns.Name == AspNetCoreRateLimitNamespace)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A middleware type whose name, or a base type's name, says it limits or throttles requests.</summary>
    private static bool LooksLikeLimiter(INamedTypeSymbol? type, ImmutableArray<string> alternatives)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (IsInAspNetCoreRateLimit(current) || NameLooksLikeLimiter(current.Name) || IsListed(current.Name, alternatives))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NameLooksLikeLimiter(string name)
        => name.IndexOf("RateLimit", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Throttl", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsListed(string name, ImmutableArray<string> alternatives)
    {
        foreach (var alternative in alternatives)
        {
            if (string.Equals(alternative, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>app.UseMiddleware(typeof(ThrottlingMiddleware))</c>: judged by the written type name.</summary>
    private static bool MiddlewareTypeOfLooksLikeLimiter(PipelineCall call, ImmutableArray<string> alternatives, CancellationToken cancellationToken)
    {
        var invocation = call.Invocation(cancellationToken);

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is TypeOfExpressionSyntax typeOf)
            {
                var name = typeOf.Type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => typeOf.Type.ToString(),
                };
                return NameLooksLikeLimiter(name) || IsListed(name, alternatives);
            }
        }

        return false;
    }

    /// <summary>The span of the invoked method's name (<c>AddRateLimiter</c> in <c>builder.Services.AddRateLimiter(…)</c>), else the whole call.</summary>
    public static Location NameLocation(PipelineCall call, CancellationToken cancellationToken)
    {
        return call.Invocation(cancellationToken).Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.GetLocation(),
            MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
            SimpleNameSyntax name => name.GetLocation(),
            _ => call.Location,
        };
    }
}
