using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Readiness.Analyzers.CodeFixes.Logging;
using Readiness.Analyzers.Logging;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Robustness;

[Trait("Rule", "RDY2001")]
public class FixAllScaleTests
{
    [Fact]
    public async Task Fix_all_over_a_thousand_console_writes_completes_and_compiles()
    {
        // No logger in scope: the first fix must inject one, and Fix All must do it once for the whole class.
        var source = new StringBuilder("""
            using System;
            using Microsoft.Extensions.Hosting;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Chatty : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var count = 0;

            """);
        for (var i = 0; i < 1000; i++)
        {
            source.Append("        Console.WriteLine($\"Step ").Append(i).Append(" of {count}\");\n");
        }

        source.Append("        return Task.CompletedTask;\n    }\n}\n");

        using var workspace = new AdhocWorkspace();
        var document = TestWorkspace.AddProject(
            workspace,
            OutputKind.DynamicallyLinkedLibrary,
            new[] { ("/0/Chatty.cs", SourceText.From(source.ToString())) },
            TestWorkspace.Worker).Documents.Single();
        var documentId = document.Id;

        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ConsoleOutputAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        Assert.Equal(1000, diagnostics.Length);

        var fixer = new UseLoggerCodeFixProvider();
        CodeAction? registered = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => registered ??= action, CancellationToken.None));
        Assert.NotNull(registered);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var context = new FixAllContext(
            document,
            fixer,
            FixAllScope.Document,
            registered!.EquivalenceKey,
            new[] { diagnostics[0].Id },
            new FixedDiagnostics(diagnostics),
            timeout.Token);
        var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(fixAll);
        var operations = await fixAll!.GetOperationsAsync(timeout.Token);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedDocument = changed.GetDocument(documentId)!;
        var fixedText = (await fixedDocument.GetTextAsync()).ToString();

        Assert.DoesNotContain("Console.WriteLine", fixedText, StringComparison.Ordinal);
        Assert.Equal(1000, CountOf(fixedText, "_logger.LogInformation(\"Step "));
        Assert.Equal(1, CountOf(fixedText, "private readonly ILogger<Chatty> _logger;"));
        var fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
