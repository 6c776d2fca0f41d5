using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.AppModel;

/// <summary>The rule environment: one scope answer, per-file facts that survive an edit, and rules that cost nothing where they cannot apply.</summary>
public class RuleEnvironmentTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    private const string Controller = """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("orders")]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get()
            {
                var count = 1;
                return Ok(count);
            }
        }
        """;

    private static CompilationRunner WebApp() => new CompilationRunner()
        .As(TestProjectKind.Unspecified)
        .WithImplicitUsings()
        .WithSource("/0/Program.cs", Program)
        .WithSource("/0/OrdersController.cs", Controller);

    /// <summary>A method-body edit of <paramref name="path"/>, as the IDE makes one keystroke: every other tree is shared.</summary>
    private static (Compilation Edited, SyntaxTree Tree) Edit(Compilation compilation, string path)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        var at = text.ToString().IndexOf("return Ok", StringComparison.Ordinal);
        var (position, statement) = at >= 0 ? (at, "count++;\n") : (text.ToString().IndexOf("app.Run();", StringComparison.Ordinal), "var edits = 1;\n");
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 0), statement)));
        return (compilation.ReplaceSyntaxTree(tree, edited), edited);
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeDocumentAsync(Compilation compilation, AnalyzerOptions options, SyntaxTree tree)
        => compilation
            .WithAnalyzers(Repository.Analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);

    [Fact]
    public void A_files_start_up_facts_are_read_once_and_survive_an_edit_elsewhere()
    {
        var compilation = WebApp().CreateCompilation();
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs");
        var before = StartupSyntax.Of(program, CancellationToken.None);

        var (edited, controller) = Edit(compilation, "/0/OrdersController.cs");

        Assert.Same(program, edited.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs"));
        Assert.Same(before, StartupSyntax.Of(program, CancellationToken.None));
        Assert.True(before.MayHoldStartup);
        Assert.False(StartupSyntax.Of(controller, CancellationToken.None).MayHoldStartup);
    }

    [Fact]
    public async Task An_edit_in_a_controller_does_not_build_the_application_model()
    {
        var runner = WebApp();
        var options = runner.CreateOptions();
        var (edited, controller) = Edit(runner.CreateCompilation(), "/0/OrdersController.cs");

        var diagnostics = await AnalyzeDocumentAsync(edited, options, controller);

        // The model's scan reads every file: Program.cs unread means no rule built the model.
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.False(StartupSyntax.IsRead(edited.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs")));
    }

    [Fact]
    public async Task An_edit_in_Program_cs_still_reports_the_absence_rules_there()
    {
        var runner = WebApp();
        var options = runner.CreateOptions();
        var (edited, program) = Edit(runner.CreateCompilation(), "/0/Program.cs");

        var diagnostics = await AnalyzeDocumentAsync(edited, options, program);

        Assert.True(StartupSyntax.IsRead(edited.SyntaxTrees.Single(t => t.FilePath == "/0/OrdersController.cs")));
        Assert.Contains(diagnostics, d => d.Id == "RDY3001");
        Assert.Contains(diagnostics, d => d.Id == "RDY5001");
    }

    [Theory]
    [InlineData(TestProjectKind.Library)]
    [InlineData(TestProjectKind.Test)]
    public async Task Web_app_rules_register_nothing_in_a_library_or_a_test_project(TestProjectKind kind)
    {
        var runner = new CompilationRunner().As(kind).WithImplicitUsings().WithSource("/0/Infrastructure.cs", """
            using Microsoft.AspNetCore.Identity;

            public static class InfrastructureExtensions
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services)
                {
                    services.AddHealthChecks();
                    services.AddIdentityCore<IdentityUser>();
                    System.Console.WriteLine("infrastructure registered");
                    return services;
                }
            }
            """);
        var compilation = runner.CreateCompilation();

        var diagnostics = await compilation
            .WithAnalyzers(Repository.Analyzers, new CompilationWithAnalyzersOptions(runner.CreateOptions(), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();

        // A library that references ILogger still gets RDY2001 (decided by a type lookup); nothing builds the model.
        Assert.Equal(kind == TestProjectKind.Library ? new[] { "RDY2001" } : Array.Empty<string>(), diagnostics.Select(d => d.Id).ToArray());
        Assert.False(StartupSyntax.IsRead(compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Infrastructure.cs")));
        var scope = ProjectScope.For(compilation, runner.CreateOptions());
        Assert.False(scope.MayApply(RuleScope.WebApps));
        Assert.True(scope.MayApply(RuleScope.AnyProject));
    }

    [Fact]
    public void The_caches_keep_no_compilation_alive_once_the_host_drops_it()
    {
        // One options object serves every compilation of a project, as in the IDE; it must not keep them alive.
        var runner = WebApp();
        var options = runner.CreateOptions();
        var dropped = BuildEverythingAndDrop(runner, options);

        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(dropped.IsAlive);
        GC.KeepAlive(options);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference BuildEverythingAndDrop(CompilationRunner runner, AnalyzerOptions options)
    {
        var compilation = runner.CreateCompilation();
        var scope = ProjectScope.For(compilation, options);
        Assert.True(scope.Model(CancellationToken.None).IsWebApp);
        Assert.NotNull(Readiness.Analyzers.Health.HealthFacts.For(RuleEnvironment.For(compilation, options, RuleScope.WebApps), CancellationToken.None));
        return new WeakReference(compilation);
    }

    [Fact]
    public void Test_projects_are_in_scope_for_any_project_rules_only_when_opted_in()
    {
        var skipped = new CompilationRunner().As(TestProjectKind.Test).WithSource("/0/C.cs", "public class C { }");
        var optedIn = new CompilationRunner().As(TestProjectKind.Test).WithOption("readiness.analyze_test_projects", "true").WithSource("/0/C.cs", "public class C { }");

        foreach (var (runner, expected) in new[] { (skipped, false), (optedIn, true) })
        {
            var compilation = runner.CreateCompilation();
            var scope = ProjectScope.For(compilation, runner.CreateOptions());
            Assert.True(scope.IsTestProject);
            Assert.Equal(expected, scope.Applies(RuleScope.AnyProject, compilation.SyntaxTrees.Single(), CancellationToken.None));
        }
    }
}
