using Microsoft.EntityFrameworkCore;
using NotReadyApi.Data;
using NotReadyApi.Middleware;
using NotReadyApi.Services;
using NotReadyApi.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddScoped<IOrderService, OrderService>();
builder.Services.AddHostedService<CleanupWorker>();
// RDY3005: the database is registered, but no health check looks at it.
builder.Services.AddDbContext<AppDbContext>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Orders")));
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();
app.MapControllers();

// RDY3004: a hand-rolled health endpoint that says "healthy" while the database is down.
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.MapGet("/orders/{id:int}/status", (int id) =>
{
    Console.WriteLine($"Status requested for order {id}");
    return Results.Ok(new { id, status = "shipped" });
});

Console.WriteLine($"NotReadyApi started in {app.Environment.EnvironmentName}");

app.Run();
