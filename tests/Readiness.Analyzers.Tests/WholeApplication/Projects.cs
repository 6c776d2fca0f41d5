using Readiness.Analyzers.Tests.Verifiers;

namespace Readiness.Analyzers.Tests.WholeApplication;

/// <summary>The projects of a solution as teams lay them out: an Aspire-style service-defaults project, an Infrastructure library, a web app.</summary>
internal static class Projects
{
    /// <summary>The Aspire service-defaults template, shortened: health checks registered, endpoints mapped in Development only.</summary>
    public const string ServiceDefaultsDevelopmentOnly = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics.HealthChecks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Diagnostics.HealthChecks;

        namespace Microsoft.Extensions.Hosting;

        public static class Extensions
        {
            public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
            {
                builder.AddDefaultHealthChecks();
                return builder;
            }

            public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
            {
                builder.Services.AddHealthChecks()
                    .AddCheck("self", () => HealthCheckResult.Healthy(), new[] { "live" });
                return builder;
            }

            public static WebApplication MapDefaultEndpoints(this WebApplication app)
            {
                // Adding health checks endpoints to applications in non-development environments has security implications.
                if (app.Environment.IsDevelopment())
                {
                    app.MapHealthChecks("/health");
                    app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
                }

                return app;
            }
        }
        """;

    /// <summary>The same project with the endpoints mapped in every environment.</summary>
    public static readonly string ServiceDefaultsMappedEverywhere = ServiceDefaultsDevelopmentOnly
        .Replace("if (app.Environment.IsDevelopment())", "if (app is not null)", StringComparison.Ordinal);

    /// <summary>The minimal-hosting web app of the Aspire templates.</summary>
    public const string AspireProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapControllers();
        app.Run();
        """;

    public static CompilationRunner Library(string name, string source)
        => new CompilationRunner().Named(name).As(TestProjectKind.Library).WithImplicitUsings().WithSource("/" + name + "/Extensions.cs", source);

    public static CompilationRunner WebApp(string program, params (CompilationRunner Project, ReferenceStyle Style)[] references)
    {
        var web = new CompilationRunner().Named("Api").As(TestProjectKind.Web).WithImplicitUsings().WithSource("/Api/Program.cs", program);
        foreach (var (project, style) in references)
        {
            web.WithProjectReference(project, style);
        }

        return web;
    }
}
