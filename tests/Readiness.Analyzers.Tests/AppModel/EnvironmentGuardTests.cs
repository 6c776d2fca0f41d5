using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.AppModel;

public class EnvironmentGuardTests
{
    private const string Header = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var flag = args.Length > 0;

        """;

    // ---- if / else in minimal hosting ----

    [Theory]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsDevelopment()) app.UseDeveloperExceptionPage();", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsDevelopment()) { } else { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.ProductionOnly)]
    [InlineData("if (!app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.ProductionOnly)]
    [InlineData("if (!app.Environment.IsDevelopment()) { } else { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsProduction()) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.ProductionOnly)]
    [InlineData("if (!app.Environment.IsProduction()) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsStaging()) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsEnvironment(\"Development\")) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsEnvironment(\"Local\")) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("if (app.Environment.IsEnvironment(Environments.Production)) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.ProductionOnly)]
    [InlineData("if (app.Environment.IsEnvironment(\"production\")) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.ProductionOnly)]
    [InlineData("if (app.Environment.IsEnvironment(args[0])) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.Unguarded)]
    [InlineData("if (HostEnvironmentEnvExtensions.IsEnvironment(app.Environment, \"Production\")) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.ProductionOnly)]
    [InlineData("if (app.Environment.IsEnvironment(environmentName: \"Staging\")) { app.UseDeveloperExceptionPage(); }", EnvironmentGuard.DevelopmentOnly)]
    public void If_else_on_app_Environment(string body, EnvironmentGuard expected)
        => AssertGuard(expected, "UseDeveloperExceptionPage", Header + body + "\napp.Run();");

    [Fact]
    public void Builder_Environment_guards_service_registrations()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "AddHealthChecks", """
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddHealthChecks();
            }

            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public void Else_if_branch_runs_only_when_the_first_condition_is_false()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseHsts", Header + """
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            else if (flag)
            {
                app.UseHsts();
            }

            app.Run();
            """);

    [Fact]
    public void Not_Staging_runs_in_Development_and_Production_so_it_does_not_guard()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseDeveloperExceptionPage",
            Header + "if (!app.Environment.IsStaging()) { app.UseDeveloperExceptionPage(); }\napp.Run();");

    // ---- EnvironmentName comparisons ----

    [Theory]
    [InlineData("app.Environment.EnvironmentName == Environments.Development", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.EnvironmentName == \"Development\"", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("\"Production\" == app.Environment.EnvironmentName", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.EnvironmentName != Environments.Development", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.EnvironmentName != \"Production\"", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("string.Equals(app.Environment.EnvironmentName, \"Development\", StringComparison.OrdinalIgnoreCase)", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("string.Equals(\"Production\", builder.Environment.EnvironmentName)", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.EnvironmentName.Equals(Environments.Staging)", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.EnvironmentName is \"Development\" or \"Local\"", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.EnvironmentName is not \"Development\"", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.EnvironmentName == Microsoft.AspNetCore.Hosting.EnvironmentName.Production", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.EnvironmentName == args[0]", EnvironmentGuard.Unguarded)]
    [InlineData("app.Environment.ApplicationName == \"Development\"", EnvironmentGuard.Unguarded)]
    public void EnvironmentName_comparisons(string condition, EnvironmentGuard expected)
        => AssertGuard(expected, "UseDeveloperExceptionPage", Header + "if (" + condition + ") { app.UseDeveloperExceptionPage(); }\napp.Run();");

    // ---- Boolean shapes of the condition ----

    [Theory]
    [InlineData("(app.Environment.IsDevelopment())", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.IsDevelopment() == true", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.IsDevelopment() == false", EnvironmentGuard.ProductionOnly)]
    [InlineData("false == app.Environment.IsDevelopment()", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.IsDevelopment() != true", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.IsDevelopment() is true", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.IsDevelopment() is false", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.IsProduction() is not true", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("!(!app.Environment.IsDevelopment())", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.IsDevelopment() && flag", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("flag && app.Environment.IsDevelopment()", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.IsDevelopment() || flag", EnvironmentGuard.Unguarded)]
    [InlineData("!app.Environment.IsDevelopment() && flag", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.IsProduction() && flag", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.IsProduction() || flag", EnvironmentGuard.Unguarded)]
    [InlineData("app.Environment.IsDevelopment() || app.Environment.IsStaging()", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("app.Environment.IsProduction() || !app.Environment.IsDevelopment()", EnvironmentGuard.ProductionOnly)]
    [InlineData("app.Environment.IsDevelopment() || app.Environment.IsProduction()", EnvironmentGuard.Unguarded)]
    [InlineData("flag", EnvironmentGuard.Unguarded)]
    [InlineData("args.Length == 0", EnvironmentGuard.Unguarded)]
    public void Condition_shapes(string condition, EnvironmentGuard expected)
        => AssertGuard(expected, "UseDeveloperExceptionPage", Header + "if (" + condition + ") { app.UseDeveloperExceptionPage(); }\napp.Run();");

    [Fact]
    public void Else_of_a_production_check_with_another_condition_may_run_in_Production()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseDeveloperExceptionPage", Header + """
            if (!app.Environment.IsDevelopment() && flag)
            {
                app.UseHsts();
            }
            else
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """);

    [Fact]
    public void Right_operand_of_a_short_circuit_and_runs_only_when_the_left_one_is_true()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", Header + """
            _ = app.Environment.IsDevelopment() && app.UseDeveloperExceptionPage() is not null;
            app.Run();
            """);

    // ---- Startup class ----

    [Theory]
    [InlineData("UseDeveloperExceptionPage", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("UseExceptionHandler", EnvironmentGuard.ProductionOnly)]
    [InlineData("UseRouting", EnvironmentGuard.Unguarded)]
    public void Startup_Configure_with_env_parameter(string method, EnvironmentGuard expected)
        => AssertGuard(expected, method, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/error");
                    }

                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public void Startup_with_the_obsolete_IHostingEnvironment()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", """
            #pragma warning disable CS0618
            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """);

    [Fact]
    public void Host_builder_context_HostingEnvironment()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "AddHealthChecks", """
            Host.CreateDefaultBuilder(args)
                .ConfigureServices((context, services) =>
                {
                    if (context.HostingEnvironment.IsProduction())
                    {
                        services.AddHealthChecks();
                    }
                })
                .Build()
                .Run();
            """);

    // ---- Nesting, lambdas, ternaries ----

    [Fact]
    public void Nested_block_inside_the_guard()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", Header + """
            if (app.Environment.IsDevelopment())
            {
                if (flag)
                {
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }

            app.Run();
            """);

    [Fact]
    public void Lambda_inside_the_guard()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", Header + """
            if (app.Environment.IsDevelopment())
            {
                app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch =>
                {
                    branch.UseDeveloperExceptionPage();
                });
            }

            app.Run();
            """);

    [Fact]
    public void Innermost_guard_wins()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseDeveloperExceptionPage", Header + """
            if (app.Environment.IsDevelopment())
            {
                if (app.Environment.IsProduction())
                {
                    app.UseDeveloperExceptionPage();
                }
            }

            app.Run();
            """);

    [Theory]
    [InlineData("UseDeveloperExceptionPage", EnvironmentGuard.DevelopmentOnly)]
    [InlineData("UseExceptionHandler", EnvironmentGuard.ProductionOnly)]
    public void Conditional_expression(string method, EnvironmentGuard expected)
        => AssertGuard(expected, method, Header + """
            _ = app.Environment.IsDevelopment() ? app.UseDeveloperExceptionPage() : app.UseExceptionHandler("/error");
            app.Run();
            """);

    // ---- Early exits ----

    [Fact]
    public void After_an_early_return_taken_in_Development()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "MapHealthChecks", Header + """
            if (app.Environment.IsDevelopment())
            {
                app.Run();
                return;
            }

            app.MapHealthChecks("/health");
            app.Run();
            """);

    [Fact]
    public void After_an_early_return_unless_Production()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "MapHealthChecks", Header + """
            if (!app.Environment.IsProduction()) return;
            app.MapHealthChecks("/health");
            app.Run();
            """);

    [Fact]
    public void After_an_early_return_taken_in_Production()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "MapHealthChecks", Header + """
            if (app.Environment.IsProduction())
            {
                app.Run();
                return;
            }

            if (flag)
            {
                app.MapHealthChecks("/health");
            }

            app.Run();
            """);

    [Fact]
    public void After_a_throw_in_a_method()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        throw new InvalidOperationException("Development only");
                    }

                    app.UseDeveloperExceptionPage();
                }
            }
            """);

    [Fact]
    public void Before_the_early_return_is_unguarded()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseRouting", Header + """
            app.UseRouting();
            if (app.Environment.IsDevelopment()) return;
            app.Run();
            """);

    [Fact]
    public void If_that_does_not_always_exit_does_not_guard_what_follows()
        => AssertGuard(EnvironmentGuard.Unguarded, "MapHealthChecks", Header + """
            if (app.Environment.IsDevelopment())
            {
                if (flag) return;
                app.UseDeveloperExceptionPage();
            }

            app.MapHealthChecks("/health");
            app.Run();
            """);

    [Fact]
    public void Early_return_inside_the_lambda()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "AddHealthChecks", """
            Host.CreateDefaultBuilder(args)
                .ConfigureServices((context, services) =>
                {
                    if (context.HostingEnvironment.IsDevelopment()) return;
                    services.AddHealthChecks();
                })
                .Build()
                .Run();
            """);

    // ---- Preprocessor ----

    [Fact]
    public void If_DEBUG_when_DEBUG_is_defined()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", Header + """
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #else
            app.UseExceptionHandler("/error");
            #endif
            app.Run();
            """, "DEBUG");

    [Fact]
    public void Else_of_If_DEBUG_when_DEBUG_is_not_defined()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseExceptionHandler", Header + """
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #else
            app.UseExceptionHandler("/error");
            #endif
            app.Run();
            """);

    [Fact]
    public void If_not_DEBUG()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseHsts", Header + """
            #if !DEBUG
            app.UseHsts();
            #endif
            app.Run();
            """);

    [Fact]
    public void If_RELEASE()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseHsts", Header + """
            #if RELEASE
            app.UseHsts();
            #endif
            app.Run();
            """, "RELEASE");

    [Fact]
    public void Elif_after_DEBUG()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseHsts", Header + """
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #elif NET8_0_OR_GREATER
            app.UseHsts();
            #endif
            app.Run();
            """, "NET8_0_OR_GREATER");

    [Fact]
    public void Other_symbols_do_not_guard()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseHsts", Header + """
            #if NET8_0_OR_GREATER
            app.UseHsts();
            #endif
            #if DEBUG
            app.UseDeveloperExceptionPage();
            #endif
            app.Run();
            """, "NET8_0_OR_GREATER");

    [Fact]
    public void Directive_inside_an_if_is_the_inner_guard()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", Header + """
            if (!app.Environment.IsDevelopment())
            {
            #if DEBUG
                app.UseDeveloperExceptionPage();
            #endif
            }

            app.Run();
            """, "DEBUG");

    [Fact]
    public void If_inside_a_directive_is_the_inner_guard()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseHsts", Header + """
            #if DEBUG
            if (app.Environment.IsProduction())
            {
                app.UseHsts();
            }
            #endif
            app.Run();
            """, "DEBUG");

    // ---- Locals ----

    [Fact]
    public void Local_bool_initialised_from_a_check()
        => AssertGuard(EnvironmentGuard.DevelopmentOnly, "UseDeveloperExceptionPage", Header + """
            var isDev = app.Environment.IsDevelopment();
            if (isDev)
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """);

    [Fact]
    public void Local_bool_negated_in_a_method()
        => AssertGuard(EnvironmentGuard.ProductionOnly, "UseHsts", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    bool isProduction = env.IsProduction(), verbose = false;
                    if (!isProduction || verbose)
                    {
                        return;
                    }

                    app.UseHsts();
                }
            }
            """);

    [Fact]
    public void Local_bool_assigned_again_does_not_guard()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseDeveloperExceptionPage", Header + """
            var isDev = app.Environment.IsDevelopment();
            if (flag) isDev = true;
            if (isDev)
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();
            """);

    // ---- Not guards ----

    [Fact]
    public void Unguarded_call()
        => AssertGuard(EnvironmentGuard.Unguarded, "MapHealthChecks", Header + """
            app.MapHealthChecks("/health");
            app.Run();
            """);

    [Fact]
    public void Unrelated_if()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseDeveloperExceptionPage", Header + """
            if (flag)
            {
                app.UseDeveloperExceptionPage();
            }
            else
            {
                app.UseHsts();
            }

            app.Run();
            """);

    [Fact]
    public void User_defined_IsDevelopment_is_not_an_environment_check()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseDeveloperExceptionPage", Header + """
            var settings = new Settings();
            if (settings.IsDevelopment() && !settings.IsProduction())
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();

            sealed class Settings
            {
                public bool IsDevelopment() => true;
                public bool IsProduction() => false;
            }
            """);

    [Fact]
    public void Guard_in_a_local_function_stops_at_the_local_function()
        => AssertGuard(EnvironmentGuard.Unguarded, "UseDeveloperExceptionPage", Header + """
            if (app.Environment.IsDevelopment())
            {
                Configure();
            }

            app.Run();

            void Configure()
            {
                app.UseDeveloperExceptionPage();
            }
            """);

    // ---- Robustness ----

    [Theory]
    [InlineData("if (app.Environment.IsDevelopment( { app.UseDeveloperExceptionPage();")]
    [InlineData("if () { app.UseDeveloperExceptionPage(); } else app.UseHsts()")]
    [InlineData("if (app.Environment.IsDevelopment() app.UseDeveloperExceptionPage();")]
    [InlineData("if (app.Environment.IsEnvironment() && ) { app.UseDeveloperExceptionPage(); }")]
    [InlineData("if (unknown.IsDevelopment()) { app.UseDeveloperExceptionPage(); } else if")]
    [InlineData("if (app.Environment.EnvironmentName == ) return; app.UseDeveloperExceptionPage();")]
    [InlineData("var isDev = isDev; if (isDev) app.UseDeveloperExceptionPage(); if (!x is ) return")]
    [InlineData("_ = app.Environment.IsProduction() ? : app.UseDeveloperExceptionPage(); #if DEBUG\n#elif\n#else\napp.UseHsts();")]
    [InlineData("#endif\n#else\nif (string.Equals()) { app.UseHsts(); } else { app.Environment.EnvironmentName.Equals( }")]
    public void Broken_code_never_throws(string body)
    {
        var compilation = Compile(Header + body, "DEBUG");
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs");
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot().DescendantNodesAndSelf(descendIntoTrivia: true))
        {
            var guard = EnvironmentGuards.Of(node, model, CancellationToken.None);
            Assert.True(Enum.IsDefined(guard));
        }
    }

    [Fact]
    public void Node_of_another_tree_is_unguarded()
    {
        var compilation = Compile(Header + "if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }");
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs");
        var otherModel = compilation.GetSemanticModel(compilation.SyntaxTrees.Single(t => t != tree));
        Assert.Equal(EnvironmentGuard.Unguarded, EnvironmentGuards.Of(Invocation(tree, "UseDeveloperExceptionPage"), otherModel, CancellationToken.None));
    }

    [Fact]
    public void Honours_the_cancellation_token()
    {
        var compilation = Compile(Header + "if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }");
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(
            () => EnvironmentGuards.Of(Invocation(tree, "UseDeveloperExceptionPage"), compilation.GetSemanticModel(tree), cancelled.Token));
    }

    // ---- Helpers ----

    /// <summary>Compiles <paramref name="program"/> (which must compile cleanly) and checks the guard of the one call named <paramref name="method"/>.</summary>
    private static void AssertGuard(EnvironmentGuard expected, string method, string program, params string[] preprocessorSymbols)
    {
        var compilation = Compile(program, preprocessorSymbols);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs");
        var model = compilation.GetSemanticModel(tree);
        var errors = model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test program does not compile:\n" + string.Join("\n", errors));
        Assert.Equal(expected, EnvironmentGuards.Of(Invocation(tree, method), model, CancellationToken.None));
    }

    private static CSharpCompilation Compile(string program, params string[] preprocessorSymbols)
    {
        var compilation = new CompilationRunner().As(TestProjectKind.Unspecified).WithImplicitUsings()
            .WithSource("/0/Program.cs", program)
            .CreateCompilation();
        if (preprocessorSymbols.Length == 0)
        {
            return compilation;
        }

        // CompilationRunner parses without preprocessor symbols: parse again with them.
        foreach (var tree in compilation.SyntaxTrees.ToList())
        {
            var options = ((CSharpParseOptions)tree.Options).WithPreprocessorSymbols(preprocessorSymbols);
            compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.GetText(), options, tree.FilePath));
        }

        return compilation;
    }

    /// <summary>The one invocation of a method named <paramref name="method"/> in <paramref name="tree"/>.</summary>
    private static InvocationExpressionSyntax Invocation(SyntaxTree tree, string method)
        => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(invocation => invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText == method,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == method,
            _ => false,
        });
}
