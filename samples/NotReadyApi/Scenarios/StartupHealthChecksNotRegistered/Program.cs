namespace StartupHealthChecksNotRegistered;

public static class Program
{
    public static void Main(string[] args)
        => Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
            .Build()
            .Run();
}

// RDY3003 (Startup style): the endpoint is mapped but the health-check services are never registered:
// the app throws at start-up.
public sealed class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddRouting();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapHealthChecks("/health"));
    }
}
