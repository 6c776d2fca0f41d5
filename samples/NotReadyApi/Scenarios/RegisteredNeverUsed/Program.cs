// Registered but never used:
// RDY3002: health checks are registered but never mapped to an endpoint, so nothing can probe them.
// RDY5002: the rate limiter is registered but UseRateLimiter is never called, so nothing is limited.
// RDY5007: and were it used, its rejections would be 503 ("service down") rather than 429 ("slow down").
using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddRateLimiter(options =>
    options.AddFixedWindowLimiter("api", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); }));
var app = builder.Build();

app.MapGet("/", () => "Hello");

app.Run();
