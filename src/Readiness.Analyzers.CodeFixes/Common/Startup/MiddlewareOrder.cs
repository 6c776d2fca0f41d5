namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>The middleware the <see cref="StartupEditor"/> knows the place of; their order is <see cref="MiddlewareOrder"/>'s table, not this declaration's.</summary>
internal enum Middleware
{
    ExceptionHandler,
    Hsts,
    HttpsRedirection,
    StaticFiles,
    Routing,
    Cors,
    Authentication,
    Authorization,
    RateLimiting,
    ResponseCaching,
    Endpoints,
}

/// <summary>
/// The order ASP.NET Core documents for its middleware, as one table: a call goes after the calls of earlier rows and
/// before the calls of later rows. Source: "ASP.NET Core Middleware", section "Middleware order"
/// (https://learn.microsoft.com/aspnet/core/fundamentals/middleware/#middleware-order), with rate limiting after
/// authorization and before the endpoints as the rate limiting middleware's documentation asks
/// (https://learn.microsoft.com/aspnet/core/performance/rate-limit), and response caching after CORS.
/// </summary>
internal static class MiddlewareOrder
{
    /// <summary>The rows, first to last: each middleware and the methods that add it.</summary>
    private static readonly (Middleware Middleware, string[] Methods)[] Table =
    {
        (Middleware.ExceptionHandler, new[] { "UseDeveloperExceptionPage", "UseExceptionHandler", "UseMigrationsEndPoint", "UseDatabaseErrorPage" }),
        (Middleware.Hsts, new[] { "UseHsts" }),
        (Middleware.HttpsRedirection, new[] { "UseHttpsRedirection" }),
        (Middleware.StaticFiles, new[] { "UseDefaultFiles", "UseStaticFiles" }),
        (Middleware.Routing, new[] { "UseRouting" }),
        (Middleware.Cors, new[] { "UseCors" }),
        (Middleware.Authentication, new[] { "UseAuthentication" }),
        (Middleware.Authorization, new[] { "UseAuthorization" }),
        (Middleware.RateLimiting, new[] { "UseRateLimiter" }),
        (Middleware.ResponseCaching, new[] { "UseResponseCaching" }),

        // And every Map… endpoint (MapControllers, MapGet, MapHealthChecks…) but Map and MapWhen, which branch the pipeline.
        (Middleware.Endpoints, new[] { "UseEndpoints", "UseMvc", "UseMvcWithDefaultRoute" }),
    };

    /// <summary>The row of <paramref name="middleware"/>: smaller runs first.</summary>
    public static int RankOf(Middleware middleware)
    {
        for (var i = 0; i < Table.Length; i++)
        {
            if (Table[i].Middleware == middleware)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(middleware));
    }

    /// <summary>The row of the middleware <paramref name="method"/> adds, or -1 when the table does not know it.</summary>
    public static int RankOf(string method)
    {
        for (var i = 0; i < Table.Length; i++)
        {
            if (Array.IndexOf(Table[i].Methods, method) >= 0)
            {
                return i;
            }
        }

        return IsEndpointMapping(method) ? RankOf(Middleware.Endpoints) : -1;
    }

    /// <summary>The middleware of row <paramref name="rank"/>.</summary>
    public static Middleware At(int rank) => Table[rank].Middleware;

    private static bool IsEndpointMapping(string method)
        => method.StartsWith("Map", StringComparison.Ordinal) && method != "Map" && method != "MapWhen";
}
