using System.Diagnostics;

namespace NotReadyApi.Middleware;

public sealed class RequestTimingMiddleware
{
    private readonly RequestDelegate _next;

    public RequestTimingMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        await _next(context);
        // RDY2002: trace listeners are not collected in a container.
        Trace.WriteLine($"{context.Request.Path} took {stopwatch.ElapsedMilliseconds} ms");
    }
}
