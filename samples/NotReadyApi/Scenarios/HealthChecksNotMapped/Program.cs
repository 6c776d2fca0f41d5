// RDY3002: health checks are registered but never mapped to an endpoint, so nothing can probe them.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapGet("/", () => "Hello");

app.Run();
