// RDY3006: one endpoint runs every check, the Redis one included: a Redis outage makes the orchestrator
// restart pods that are alive. Map a liveness endpoint without dependency checks and a readiness endpoint with them.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks().AddRedis(builder.Configuration.GetConnectionString("Cache") ?? "localhost:6379");
var app = builder.Build();

app.MapHealthChecks("/health");
app.MapGet("/", () => "Hello");

app.Run();
