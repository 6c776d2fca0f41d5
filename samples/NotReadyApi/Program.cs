using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
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

// The limiter (see RateLimiting/GlobalLimits.cs for RDY5008).
builder.Services.AddRateLimiter(options =>
{
    options.AddFixedWindowLimiter("search", o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
    NotReadyApi.RateLimiting.GlobalLimits.Apply(options);
});

var app = builder.Build();

app.UseDeveloperExceptionPage();  // RDY6001: stack traces, headers and cookies for every client, in production too.
app.UseMiddleware<RequestTimingMiddleware>();
app.UseRateLimiter();        // RDY5004: before UseRouting, so endpoint policies never apply.
app.UseRouting();
app.UseAuthorization();
app.MapControllers();

// RDY5005: a typo in the policy name throws at run time.
app.MapGet("/orders/search", (string q) => Results.Ok(Array.Empty<string>())).RequireRateLimiting("serach");

app.MapPost("/account/login", async (NotReadyApi.Identity.LoginRequest login, SignInManager<IdentityUser> signIn) =>
{
    // RDY4003: failed sign-ins never lock the account out.
    var result = await signIn.PasswordSignInAsync(login.Email, login.Password, isPersistent: false, lockoutOnFailure: false);
    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
}).DisableRateLimiting();    // RDY5006: the login endpoint, of all endpoints, is not limited.

// RDY3004: a hand-rolled health endpoint that says "healthy" while the database is down.
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.MapGet("/orders/{id:int}/status", (int id) =>
{
    Console.WriteLine($"Status requested for order {id}");
    return Results.Ok(new { id, status = "shipped" });
});

Console.WriteLine($"NotReadyApi started in {app.Environment.EnvironmentName}");

app.Run();
