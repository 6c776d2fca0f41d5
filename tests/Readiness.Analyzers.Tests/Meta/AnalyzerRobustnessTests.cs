using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>Every analyzer, on nothing and on broken code: no exception (AD0001), no diagnostic out of thin air.</summary>
public class AnalyzerRobustnessTests
{
    private const string BrokenCode = """
        using System;
        using Microsoft.Extensions.Logging;
        public class Broken : 
        {
            private readonly ILogger<Broken _logger;
            public void M(string password
            {
                Console.WriteLine($"x {password");
                _logger.LogInformation("{P}", password
                var builder = WebApplication.CreateBuilder(
                builder.Services.AddHealthChecks(.
                app.UseRateLimiter(
            }
        """;

    private const string OnlySyntaxErrors = "}}}} ((( ;;; class { void ( => [ \" @\"";

    [Theory]
    [MemberData(nameof(Repository.AnalyzerNames), MemberType = typeof(Repository))]
    public async Task Clean_on_an_empty_file(string analyzer)
    {
        var runner = new CompilationRunner().WithSource("/0/Empty.cs", string.Empty);
        var diagnostics = await runner.RunAsync(ImmutableArray.Create(Repository.Analyzer(analyzer)));
        Assert.Empty(runner.AnalyzerExceptions);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(Repository.AnalyzerNames), MemberType = typeof(Repository))]
    public async Task Clean_on_a_file_of_only_syntax_errors(string analyzer)
    {
        var runner = new CompilationRunner().WithSource("/0/Errors.cs", OnlySyntaxErrors);
        var diagnostics = await runner.RunAsync(ImmutableArray.Create(Repository.Analyzer(analyzer)));
        Assert.Empty(runner.AnalyzerExceptions);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(Repository.AnalyzerNames), MemberType = typeof(Repository))]
    public async Task Never_throws_on_half_typed_code(string analyzer)
    {
        foreach (var kind in new[] { TestProjectKind.Web, TestProjectKind.Unspecified, TestProjectKind.Library })
        {
            var runner = new CompilationRunner().As(kind).WithImplicitUsings().WithSource("/0/Broken.cs", BrokenCode);
            await runner.RunAsync(ImmutableArray.Create(Repository.Analyzer(analyzer)));
            Assert.Empty(runner.AnalyzerExceptions);
        }
    }

    [Fact]
    public async Task Cancellation_stops_analysis()
    {
        var runner = new CompilationRunner().WithSource("/0/Program.cs", "class C { void M() { System.Console.WriteLine(1); } }");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(Repository.Analyzers, cancelled.Token));
    }
}
