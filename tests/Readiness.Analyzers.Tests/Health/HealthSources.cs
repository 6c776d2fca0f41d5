namespace Readiness.Analyzers.Tests.Health;

/// <summary>Small, realistic start-up snippets shared by the health-check tests.</summary>
internal static class HealthSources
{
    /// <summary>An EF Core context, as apps declare it.</summary>
    public const string AppDbContext = """
        using Microsoft.EntityFrameworkCore;

        public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
        {
        }
        """;

    /// <summary>A Startup-style host (Program.Main with ConfigureWebHostDefaults).</summary>
    public const string StartupProgram = """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public static class Program
        {
            public static void Main(string[] args)
                => CreateHostBuilder(args).Build().Run();

            public static IHostBuilder CreateHostBuilder(string[] args)
                => Host.CreateDefaultBuilder(args)
                    .ConfigureWebHostDefaults(web => web.UseStartup<Startup>());
        }
        """;
}
