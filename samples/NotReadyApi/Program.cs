using Microsoft.AspNetCore.Identity;
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

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.AddIdentityCore<IdentityUser>(options =>
{
    options.Password.RequiredLength = 6;                  // RDY4001: six characters are cracked in hours.
    options.Password.RequireDigit = false;                // RDY4002: ...and every character rule is off too.
    options.Password.RequireLowercase = false;
    options.Password.RequireUppercase = false;
    options.Password.RequireNonAlphanumeric = false;
    options.Lockout.MaxFailedAccessAttempts = 100;        // RDY4003: a hundred guesses before a lockout.
}).AddSignInManager();

var app = builder.Build();

app.UseMiddleware<RequestTimingMiddleware>();
app.MapControllers();

app.MapPost("/account/login", async (NotReadyApi.Identity.LoginRequest login, SignInManager<IdentityUser> signIn) =>
{
    // RDY4003: failed sign-ins never lock the account out.
    var result = await signIn.PasswordSignInAsync(login.Email, login.Password, isPersistent: false, lockoutOnFailure: false);
    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
});

// RDY3004: a hand-rolled health endpoint that says "healthy" while the database is down.
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.MapGet("/orders/{id:int}/status", (int id) =>
{
    Console.WriteLine($"Status requested for order {id}");
    return Results.Ok(new { id, status = "shipped" });
});

Console.WriteLine($"NotReadyApi started in {app.Environment.EnvironmentName}");

app.Run();
