// RDY3001: a web API that registers no health checks and exposes no health endpoint:
// the orchestrator cannot tell whether it is alive or ready.
// RDY5001: and it limits no requests at all.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello");

app.Run();
