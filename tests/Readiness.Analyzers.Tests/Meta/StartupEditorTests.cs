using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Readiness.Analyzers.CodeFixes.Common;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>
/// The start-up editor every start-up fix uses, driven directly: each operation in minimal hosting and in a Startup class,
/// middleware placed by the documented order, the development guard, line endings, and output that compiles.
/// </summary>
public class StartupEditorTests
{
    private const string StartupUsings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;


        """;

    private static StartupCall Call(string method, params ExpressionSyntax[] arguments) => StartupCall.Of(method, "Microsoft.AspNetCore.Builder", arguments);

    [Fact]
    public async Task Registration_goes_before_Build_in_minimal_hosting()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();

            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """,
            editor => editor.AddServiceRegistration(StartupCall.Of("AddHealthChecks", "Microsoft.Extensions.DependencyInjection")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddHealthChecks();

            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Registration_goes_last_in_ConfigureServices_before_a_return()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    return;
                }
            }
            """,
            editor => editor.AddServiceRegistration(StartupCall.Of("AddHealthChecks", "Microsoft.Extensions.DependencyInjection")),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddHealthChecks();
                    return;
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task Registration_turns_an_expression_bodied_ConfigureServices_into_a_block()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();
            }
            """,
            editor => editor.AddServiceRegistration(StartupCall.Of("AddHealthChecks", "Microsoft.Extensions.DependencyInjection")),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddHealthChecks();
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task Registration_adds_the_using_its_method_needs()
    {
        var fixedText = await EditAsync(
            """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Run();
            """,
            editor => editor.AddServiceRegistration(StartupCall.Of("AddHealthChecks", "Microsoft.Extensions.DependencyInjection")),
            implicitUsings: false);

        Assert.Equal(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task A_template_of_several_lines_is_indented_where_it_goes()
    {
        var configure = SyntaxFactory.ParseExpression("options =>\n{\n    options.RejectionStatusCode = 429;\n}");
        var fixedText = await EditAsync(
            """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.Run();
                }
            }
            """,
            editor => editor.AddServiceRegistration(StartupCall.Of("AddRateLimiter", "Microsoft.AspNetCore.Builder", configure)));

        Assert.Equal(
            """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = 429;
                    });
                    var app = builder.Build();
                    app.Run();
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task Rate_limiter_goes_after_routing_and_authorization_before_the_endpoints()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRouting();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();
            """,
            editor => editor.AddMiddleware(Middleware.RateLimiting, Call("UseRateLimiter")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseRouting();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Cors_goes_between_routing_and_authentication()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            editor => editor.AddMiddleware(Middleware.Cors, Call("UseCors")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task A_middleware_with_no_earlier_call_goes_before_the_first_later_one()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            editor => editor.AddMiddleware(Middleware.HttpsRedirection, Call("UseHttpsRedirection")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseStaticFiles();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task An_environment_if_counts_with_the_middleware_of_its_branches()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseStaticFiles();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            editor => editor.AddMiddleware(Middleware.HttpsRedirection, Call("UseHttpsRedirection")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }
            app.UseHttpsRedirection();

            app.UseStaticFiles();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Cors_goes_in_its_place_in_Startup_Configure()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """,
            editor => editor.AddMiddleware(Middleware.Cors, Call("UseCors")),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseAuthentication();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task No_middleware_place_without_a_middleware_call_to_place_it_against()
    {
        await NoEditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            Endpoints.Map(app);
            app.Run();

            static class Endpoints
            {
                public static void Map(WebApplication app) => app.MapGet("/", () => "hi");
            }
            """,
            editor => editor.AddMiddleware(Middleware.RateLimiting, Call("UseRateLimiter")));
    }

    [Fact]
    public async Task Endpoint_goes_before_Run_in_minimal_hosting()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGet("/", () => "hi");

            await app.RunAsync();
            """,
            editor => editor.AddEndpoint(Call("MapHealthChecks", StartupCall.Literal("/health"))));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.MapHealthChecks("/health");

            await app.RunAsync();
            """,
            fixedText);
    }

    [Fact]
    public async Task No_endpoint_place_when_the_app_is_not_run_there()
    {
        await NoEditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            Host.Start(app);

            static class Host
            {
                public static void Start(WebApplication app) => app.Run();
            }
            """,
            editor => editor.AddEndpoint(Call("MapHealthChecks", StartupCall.Literal("/health"))));
    }

    [Fact]
    public async Task Endpoint_goes_last_in_UseEndpoints_in_Startup()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/", () => "hi");
                    });
                }
            }
            """,
            editor => editor.AddEndpoint(Call("MapHealthChecks", StartupCall.Literal("/health"))),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/", () => "hi");
                        endpoints.MapHealthChecks("/health");
                    });
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task Endpoint_turns_an_expression_lambda_of_UseEndpoints_into_a_block()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """,
            editor => editor.AddEndpoint(Call("MapHealthChecks", StartupCall.Literal("/health"))),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/", () => "hi");
                        endpoints.MapHealthChecks("/health");
                    });
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task A_first_middleware_goes_first_in_Configure()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseHttpsRedirection();
                }
            }
            """,
            editor => editor.AddMiddlewareFirst(Call("UseHealthChecks", StartupCall.Literal("/health"))),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddHealthChecks();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseHealthChecks("/health");
                    app.UseHttpsRedirection();
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_wraps_a_call_in_IsDevelopment_in_minimal_hosting()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.UseDeveloperExceptionPage();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDeveloperExceptionPage")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_moves_a_call_to_the_end_of_the_guard_before_it()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            // Browse the files while developing.
            app.UseDirectoryBrowser();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDirectoryBrowser")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                // Browse the files while developing.
                app.UseDirectoryBrowser();
            }
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_moves_a_call_first_into_the_guard_after_it()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseDeveloperExceptionPage();
            var title = "Orders";
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }

            app.MapGet("/", () => title);
            app.Run();
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDeveloperExceptionPage")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var title = "Orders";
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                app.UseDirectoryBrowser();
            }

            app.MapGet("/", () => title);
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_does_not_move_a_call_across_another_middleware()
    {
        var fixedText = await EditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.UseHttpsRedirection();
            app.UseDirectoryBrowser();
            app.Run();
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDirectoryBrowser")));

        Assert.Equal(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.UseHttpsRedirection();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_uses_the_environment_parameter_of_Startup_Configure()
    {
        var fixedText = await EditAsync(
            StartupUsings + """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseDeveloperExceptionPage();
                    app.UseRouting();
                }
            }
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDeveloperExceptionPage")),
            OutputKind.DynamicallyLinkedLibrary);

        Assert.Equal(
            StartupUsings + """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    app.UseRouting();
                }
            }
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_adds_the_hosting_using_when_IsDevelopment_is_not_in_scope()
    {
        var fixedText = await EditAsync(
            """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseDeveloperExceptionPage();
            app.Run();
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDeveloperExceptionPage")),
            implicitUsings: false);

        Assert.Equal(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.Run();
            """,
            fixedText);
    }

    [Fact]
    public async Task Guard_leaves_a_call_that_already_runs_only_in_Development()
    {
        await NoEditAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """,
            editor => editor.GuardForDevelopment(StatementCalling(editor, "UseDeveloperExceptionPage")));
    }

    [Fact]
    public async Task Every_operation_keeps_a_CRLF_file_CRLF()
    {
        const string source = """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.UseDeveloperExceptionPage();
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                    app.Run();
                }
            }
            """;
        var configure = SyntaxFactory.ParseExpression("options =>\n{\n    options.RejectionStatusCode = 429;\n}");
        var fixedText = await EditAsync(
            source.Replace("\n", "\r\n"),
            editor => editor.AddServiceRegistration(StartupCall.Of("AddRateLimiter", "Microsoft.AspNetCore.Builder", configure))
                && editor.AddMiddleware(Middleware.RateLimiting, Call("UseRateLimiter"))
                && editor.AddEndpoint(Call("MapGet", StartupCall.Literal("/ping"), SyntaxFactory.ParseExpression("() => \"pong\"")))
                && editor.GuardForDevelopment(StatementCalling(editor, "UseDeveloperExceptionPage")));

        const string expected = """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = 429;
                    });
                    var app = builder.Build();
                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                    app.MapGet("/ping", () => "pong");
                    app.Run();
                }
            }
            """;
        Assert.Equal(expected.Replace("\n", "\r\n"), fixedText);
    }

    /// <summary>The statement of <paramref name="editor"/>'s document that calls <paramref name="method"/>.</summary>
    private static StatementSyntax StatementCalling(StartupEditor editor, string method)
        => editor.Root.DescendantNodes().OfType<ExpressionStatementSyntax>()
            .First(s => s.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } && member.Name.Identifier.ValueText == method);

    /// <summary>Applies <paramref name="edit"/> (which must find its places) to <c>Program.cs</c>; the result must compile.</summary>
    private static async Task<string> EditAsync(string source, Func<StartupEditor, bool> edit, OutputKind kind = OutputKind.ConsoleApplication, bool implicitUsings = true)
    {
        using var workspace = new AdhocWorkspace();
        var document = Document(workspace, source, kind, implicitUsings);
        var editor = await StartupEditor.CreateAsync(document, CancellationToken.None);
        Assert.NotNull(editor);
        Assert.True(edit(editor!), "the editor found no place");
        var changed = await editor!.ApplyAsync();
        var errors = (await changed.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var text = (await changed.GetTextAsync()).ToString();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors) + Environment.NewLine + text);
        return text;
    }

    private static async Task NoEditAsync(string source, Func<StartupEditor, bool> edit)
    {
        using var workspace = new AdhocWorkspace();
        var editor = await StartupEditor.CreateAsync(Document(workspace, source, OutputKind.ConsoleApplication, implicitUsings: true), CancellationToken.None);
        Assert.False(edit(editor!));
    }

    private static Document Document(AdhocWorkspace workspace, string source, OutputKind kind, bool implicitUsings)
    {
        var documents = new List<(string, SourceText)> { ("/0/Program.cs", SourceText.From(source)) };
        if (implicitUsings)
        {
            documents.Add(("/0/GlobalUsings.g.cs", SourceText.From(ImplicitUsingsSource.For(TestProjectKind.Web))));
        }

        var project = TestWorkspace.AddProject(workspace, kind, documents, TestWorkspace.WebApp);
        return project.Documents.Single(d => d.FilePath == "/0/Program.cs");
    }
}
