using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Hardening;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Hardening;

[Trait("Rule", "RDY6001")]
public class DeveloperErrorDetailsAnalyzerTests
{
    private static ReadinessTest<DeveloperErrorDetailsAnalyzer, EmptyCodeFixProvider> Test(string source, TestProjectKind kind = TestProjectKind.Web)
        => new ReadinessTest<DeveloperErrorDetailsAnalyzer>().As(kind).WithImplicitUsings().WithSource(source);

    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options);
        """;

    [Fact]
    public async Task Reports_the_developer_exception_page_in_every_environment()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|RDY6001:UseDeveloperExceptionPage()|};
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_it_where_only_production_runs_it()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseSwagger();
            }
            else
            {
                app.{|RDY6001:UseDeveloperExceptionPage()|};
            }

            if (!app.Environment.IsDevelopment())
            {
                app.{|RDY6001:UseDeveloperExceptionPage()|};
            }

            app.Run();
            """.Replace("app.UseSwagger();", "app.UseHsts();")).RunAsync();
    }

    [Fact]
    public async Task Reports_after_an_early_return_taken_in_development()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.Run();
                return;
            }

            app.{|RDY6001:UseDeveloperExceptionPage()|};
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_EF_Core_sensitive_data_logging_and_detailed_errors_left_on()
    {
        await Test(Context + """

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddDbContext<AppDb>(o => o.UseSqlServer("Server=db")
                        .{|RDY6001:EnableSensitiveDataLogging()|}
                        .{|RDY6001:EnableDetailedErrors(true)|});
                    builder.Build().Run();
                }
            }

            public sealed class ReportsDb : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                    => optionsBuilder.{|RDY6001:EnableSensitiveDataLogging()|};
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_in_a_Startup_class_Configure_without_a_check()
    {
        await Test("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.{|RDY6001:UseDeveloperExceptionPage()|};
                    app.UseRouting();
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Development_guards_in_every_shape_are_correct()
    {
        await Test(Context + """

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddDbContext<AppDb>(o =>
                    {
                        o.UseSqlServer("Server=db");
                        if (builder.Environment.IsDevelopment())
                        {
                            o.EnableSensitiveDataLogging().EnableDetailedErrors();
                        }
                    });
                    builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
                    builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(false));
                    var app = builder.Build();
                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    if (app.Environment.IsEnvironment("Local")) app.UseDeveloperExceptionPage();
                    if (!app.Environment.IsProduction()) app.UseDeveloperExceptionPage();
                    _ = app.Environment.IsDevelopment() ? app.UseDeveloperExceptionPage() : app.UseExceptionHandler("/error");
            #if DEBUG
                    app.UseDeveloperExceptionPage();
            #endif
                    app.Run();
                }
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """.Replace("#if DEBUG\n        app.UseDeveloperExceptionPage();\n#endif\n", "")).RunAsync();
    }

    [Fact]
    public async Task Conditions_it_cannot_read_and_helpers_whose_callers_may_guard_them_stay_quiet()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var showErrors = builder.Configuration.GetValue<bool>("ShowErrors");
            if (showErrors)
            {
                app.UseDeveloperExceptionPage();
            }

            if (app.Environment.IsDevelopment())
            {
                app.UseLocalTools();
            }

            app.Run();

            public static class LocalTools
            {
                // Called under IsDevelopment() in Program.cs: the guard is at the call site.
                public static WebApplication UseLocalTools(this WebApplication app)
                {
                    app.UseDeveloperExceptionPage();
                    return app;
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task An_early_return_on_a_condition_it_cannot_read_makes_the_call_conditional()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (builder.Configuration.GetValue<bool>("Hosted"))
            {
                app.Run();
                return;
            }

            app.UseDeveloperExceptionPage();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task A_method_of_the_same_name_on_another_type_is_not_the_exception_page()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            new Diagnostics().UseDeveloperExceptionPage();
            app.Run();

            public sealed class Diagnostics
            {
                public void UseDeveloperExceptionPage() { }
            }
            """).RunAsync();
    }

    [Theory]
    [InlineData(TestProjectKind.Library)]
    [InlineData(TestProjectKind.Test)]
    public async Task Libraries_and_test_projects_are_not_web_apps(TestProjectKind kind)
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;

            public static class Setup
            {
                public static void Main(WebApplication app) => app.UseDeveloperExceptionPage();
            }
            """, kind).RunAsync();
    }
}
