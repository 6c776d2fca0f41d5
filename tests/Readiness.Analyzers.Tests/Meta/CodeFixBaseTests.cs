using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Readiness.Analyzers.CodeFixes.Common;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>The Fix All every fix inherits from <see cref="ReadinessCodeFixProvider"/>, driven by a fix that renames <c>x</c>.</summary>
public class CodeFixBaseTests
{
    private const string Source = "class C\n{\n    int x;\n\n    void M()\n    {\n        x = x + x;\n    }\n}\n";

#pragma warning disable RS2008 // a rule of this test only, never shipped
    private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Rename x", "Rename x", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    [Fact]
    public async Task Fix_all_applies_every_fix_of_a_document_as_earlier_fixes_move_the_later_spans()
    {
        var fixedText = await FixAllAsync(Source, Spans(Source, "x = x + x", "x", "x", "x"));

        Assert.Contains("renamed_variable = renamed_variable + renamed_variable;", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_all_applies_a_fix_named_once_per_document_once()
    {
        var fixedText = await FixAllAsync(Source, Spans(Source, "x = x + x", "x", "x", "x"), once: "rename");

        Assert.Contains("renamed_variable = x + x;", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_all_skips_a_diagnostic_whose_node_an_earlier_fix_replaced()
    {
        var span = Spans(Source, "x = x + x", "x")[0];

        var fixedText = await FixAllAsync(Source, new[] { span, span });

        Assert.Contains("renamed_variable = x + x;", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_all_returns_no_change_when_no_fix_applies()
    {
        var fixedText = await FixAllAsync(Source, Spans(Source, "void M", "M"));

        Assert.Equal(Source, fixedText);
    }

    /// <summary>The spans of <paramref name="names"/>, found in order after <paramref name="anchor"/>.</summary>
    private static TextSpan[] Spans(string source, string anchor, params string[] names)
    {
        var spans = new List<TextSpan>();
        var position = source.IndexOf(anchor, StringComparison.Ordinal);
        foreach (var name in names)
        {
            position = source.IndexOf(name, position, StringComparison.Ordinal);
            spans.Add(new TextSpan(position, name.Length));
            position += name.Length;
        }

        return spans.ToArray();
    }

    private static async Task<string> FixAllAsync(string source, IEnumerable<TextSpan> spans, string? once = null)
    {
        using var workspace = new AdhocWorkspace();
        var document = TestWorkspace.AddProject(workspace, OutputKind.DynamicallyLinkedLibrary, new[] { ("/0/C.cs", SourceText.From(source)) }).Documents.Single();
        var tree = (await document.GetSyntaxTreeAsync())!;
        var properties = once is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add("once", once);
        var diagnostics = spans.Select(span => Diagnostic.Create(Rule, Location.Create(tree, span), properties)).ToImmutableArray();

        var fixer = new RenameX();
        var context = new FixAllContext(
            document,
            fixer,
            FixAllScope.Document,
            RenameX.EquivalenceKey,
            new[] { Rule.Id },
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        if (action is null)
        {
            return source;
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    /// <summary>Renames an <c>x</c> the diagnostic names to a longer name, so every later span moves.</summary>
    private sealed class RenameX : ReadinessCodeFixProvider
    {
        public const string EquivalenceKey = "TEST0001_Rename";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rule.Id);

        protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken))!;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax { Identifier.ValueText: "x" } name)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue("once", out var once);
            return ReadinessCodeFix.Create(
                "Rename x",
                EquivalenceKey,
                (fixing, _) => Task.FromResult(fixing.WithSyntaxRoot(root.ReplaceNode(name, SyntaxFactory.IdentifierName("renamed_variable").WithTriviaFrom(name)))),
                once);
        }
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

/// <summary>The one using inserter and the one line-ending lookup the fixes share.</summary>
public class CodeFixHelperTests
{
    private static string Ensure(string source, params string[] namespaces)
        => Imports.Ensure(CSharpSyntaxTree.ParseText(source).GetRoot(), namespaces).ToFullString();

    [Fact]
    public void Usings_go_System_first_then_in_ordinal_order()
    {
        var source = "using System;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\n\nclass C { }\n";

        Assert.Equal(
            "using System;\nusing System.Threading.RateLimiting;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.DependencyInjection;\n\nclass C { }\n",
            Ensure(source, "Microsoft.AspNetCore.Http", "System.Threading.RateLimiting"));
    }

    [Fact]
    public void A_using_the_file_has_is_not_added_again()
    {
        var source = "using Microsoft.AspNetCore.Http;\n\nclass C { }\n";

        Assert.Equal(source, Ensure(source, "Microsoft.AspNetCore.Http"));
    }

    [Fact]
    public void A_file_without_usings_gets_them_together_below_its_header_and_above_one_blank_line()
    {
        Assert.Equal(
            "// Header\nusing System;\nusing Microsoft.AspNetCore.Http;\n\nvar x = 1;\n",
            Ensure("// Header\nvar x = 1;\n", "Microsoft.AspNetCore.Http", "System"));
    }

    [Fact]
    public void Global_usings_stay_first_and_aliases_and_static_usings_last()
    {
        var source = "global using System.Linq;\nusing Zeta;\nusing Alias = Alpha.Beta;\nusing static System.Math;\n\nclass C { }\n";

        Assert.Equal(
            "global using System.Linq;\nusing Microsoft.X;\nusing Zeta;\nusing Zulu;\nusing Alias = Alpha.Beta;\nusing static System.Math;\n\nclass C { }\n",
            Ensure(source, "Zulu", "Microsoft.X"));
    }

    [Fact]
    public void A_new_using_ends_with_the_document_line_ending()
    {
        Assert.Equal(
            "using Alpha;\r\nusing Beta;\r\n\r\nclass C { }\r\n",
            Ensure("using Alpha;\r\n\r\nclass C { }\r\n", "Beta"));
    }

    [Fact]
    public void The_end_of_line_is_the_document_first_line_break_or_LF()
    {
        Assert.Equal("\r\n", EndOfLine.Of(CSharpSyntaxTree.ParseText("class C\r\n{\n}\n").GetRoot()).ToString());
        Assert.Equal("\n", EndOfLine.Of(CSharpSyntaxTree.ParseText("class C { }").GetRoot()).ToString());
    }
}
