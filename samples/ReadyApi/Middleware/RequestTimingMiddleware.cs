using System.Diagnostics;

namespace ReadyApi.Middleware;

public sealed class RequestTimingMiddleware(RequestDelegate next, ILogger<RequestTimingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        await next(context);
        logger.LogInformation("{Path} took {ElapsedMilliseconds} ms", context.Request.Path, stopwatch.ElapsedMilliseconds);
    }
}
