using NotReadyApi.Middleware;
using NotReadyApi.Services;
using NotReadyApi.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddScoped<IOrderService, OrderService>();
builder.Services.AddHostedService<CleanupWorker>();

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();
app.MapControllers();

app.MapGet("/orders/{id:int}/status", (int id) =>
{
    Console.WriteLine($"Status requested for order {id}");
    return Results.Ok(new { id, status = "shipped" });
});

Console.WriteLine($"NotReadyApi started in {app.Environment.EnvironmentName}");

app.Run();
