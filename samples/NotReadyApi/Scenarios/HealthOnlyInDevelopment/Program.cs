// RDY3007: the health endpoint is mapped only in Development, so the orchestrator's probes get 404 in production.
// (RDY5001 too: this small app limits no requests.)
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.MapHealthChecks("/health");
}

app.MapGet("/", () => "Hello");

app.Run();
