using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using ReadyApi.RateLimiting;
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

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.AddIdentityCore<IdentityUser>(options =>
{
    // Length first (NIST SP 800-63B): composition rules may then stay off.
    options.Password.RequiredLength = 12;
    options.Password.RequireDigit = false;
    options.Password.RequireLowercase = false;
    options.Password.RequireUppercase = false;
    options.Password.RequireNonAlphanumeric = false;
    options.Lockout.MaxFailedAccessAttempts = 5;
    options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
}).AddSignInManager();

builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Every client gets its own budget: the signed-in user, else the remote address.
    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
    // Sign-in gets a much smaller budget per address.
    options.AddPolicy(RateLimitPolicies.Auth, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
    options.AddFixedWindowLimiter(RateLimitPolicies.Search, o => { o.PermitLimit = 100; o.Window = TimeSpan.FromMinutes(1); });
});

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
}

app.UseMiddleware<RequestTimingMiddleware>();
app.UseRouting();
app.UseAuthorization();
app.UseRateLimiter();
app.MapControllers();
app.Map("/error", () => Results.Problem());   // what UseExceptionHandler answers outside Development

app.MapGet("/orders/search", (string q) => Results.Ok(Array.Empty<string>())).RequireRateLimiting(RateLimitPolicies.Search);

app.MapPost("/account/login", async (ReadyApi.Identity.LoginRequest login, SignInManager<IdentityUser> signIn) =>
{
    var result = await signIn.PasswordSignInAsync(login.Email, login.Password, isPersistent: false, lockoutOnFailure: true);
    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
}).RequireRateLimiting(RateLimitPolicies.Auth);

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
