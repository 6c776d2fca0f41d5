namespace StartupUsedNeverRegistered;

public static class Program
{
    public static void Main(string[] args)
        => Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
            .Build()
            .Run();
}

// Used but never registered (Startup style) — both throw at start-up:
// RDY3003: the health endpoint is mapped but the health-check services are never registered.
// RDY5003: the rate-limiter middleware is used but AddRateLimiter is never called.
public sealed class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddRouting();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints => endpoints.MapHealthChecks("/health"));
    }
}
