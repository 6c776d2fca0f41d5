// RDY5009: the rate limiter's middleware runs only in Development, so production limits no request.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseRateLimiter();
}

app.MapHealthChecks("/health");
app.MapGet("/", () => "Hello");

app.Run();
