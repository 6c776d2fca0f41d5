using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using ReadyApi.Data;
using ReadyApi.Middleware;
using ReadyApi.Services;
using ReadyApi.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddScoped<IOrderService, OrderService>();
builder.Services.AddHostedService<CleanupWorker>();
builder.Services.AddDbContext<AppDbContext>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Orders")));
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: ["ready"]);

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();
app.MapControllers();

// Liveness: the process answers. Readiness: its dependencies answer too.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.MapGet("/orders/{id:int}/status", (int id, ILogger<Program> logger) =>
{
    logger.LogInformation("Status requested for order {OrderId}", id);
    return Results.Ok(new { id, status = "shipped" });
});

app.Logger.LogInformation("ReadyApi started in {Environment}", app.Environment.EnvironmentName);

app.Run();
