using ReadyApi.Middleware;
using ReadyApi.Services;
using ReadyApi.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddScoped<IOrderService, OrderService>();
builder.Services.AddHostedService<CleanupWorker>();

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();
app.MapControllers();

app.MapGet("/orders/{id:int}/status", (int id, ILogger<Program> logger) =>
{
    logger.LogInformation("Status requested for order {OrderId}", id);
    return Results.Ok(new { id, status = "shipped" });
});

app.Logger.LogInformation("ReadyApi started in {Environment}", app.Environment.EnvironmentName);

app.Run();
