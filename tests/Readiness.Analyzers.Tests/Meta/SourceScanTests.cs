using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.Common;
using Xunit;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>
/// The text scan the compilation-wide facts use instead of walking every node: it must find exactly the identifiers a walk
/// would find, and nothing that only looks like one.
/// </summary>
public class SourceScanTests
{
    private static readonly SourceScan.NameFilter UseAnything = static (text, start, length) => SourceScan.StartsWith(text, start, length, "Use");

    private static List<SyntaxToken> Scan(string source, SourceScan.NameFilter filter)
        => SourceScan.Identifiers(CSharpSyntaxTree.ParseText(source), filter, CancellationToken.None);

    [Fact]
    public void Finds_identifiers_of_the_code_in_source_order_and_nothing_in_comments_strings_or_disabled_code()
    {
        var tokens = Scan("""
            // app.UseCommented();
            /* app.UseBlockCommented(); */
            /// <summary>app.UseInDocs()</summary>
            class C
            {
                void M(dynamic app)
                {
                    app.UseFirst();
                    var text = "app.UseInString()";
                    var raw = $"UseInInterpolationText {app.UseInHole()}";
            #if NEVER
                    app.UseDisabled();
            #endif
                    app.@UseVerbatim();
                    Reuse(); NotUse(); app.Use(); app.User.Name.ToString();
                }
            }
            """, UseAnything);

        Assert.Equal(new[] { "UseFirst", "UseInHole", "UseVerbatim", "Use", "User" }, tokens.Select(t => t.ValueText));
        Assert.All(tokens, t => Assert.True(t.IsKind(SyntaxKind.IdentifierToken)));
    }

    [Fact]
    public void Finds_the_last_identifier_of_the_file_and_names_with_letters_past_ascii()
    {
        var tokens = Scan("class C { int UseÄrger; int Usé; } class Use", UseAnything);

        Assert.Equal(new[] { "UseÄrger", "Use" }, tokens.Select(t => t.ValueText));
    }

    [Fact]
    public void Half_typed_code_is_scanned_without_throwing()
    {
        var tokens = Scan("class C { void M() { app.UseX( \"unterminated\n app.UseY<", UseAnything);

        Assert.Equal(new[] { "UseX", "UseY" }, tokens.Select(t => t.ValueText));
    }

    [Theory]
    [InlineData("app.UseRouting();", true)]
    [InlineData("UseRouting();", true)]
    [InlineData("app?.UseRouting();", true)]
    [InlineData("services.UseScoped<IFoo, Foo>();", true)]
    [InlineData("app.UseRouting\n    ();", true)]
    [InlineData("var x = app.UseRouting;", false)]
    [InlineData("app.UseRouting.Invoke();", false)]
    [InlineData("UseRouting.Run();", false)]
    [InlineData("var UseRouting = 1;", false)]
    public void Knows_which_names_name_the_method_of_a_call(string statement, bool isCall)
    {
        var tokens = Scan($"class C {{ void M(dynamic app, dynamic services) {{ {statement} }} }}", static (text, start, length) => SourceScan.Is(text, start, length, "UseRouting") || SourceScan.Is(text, start, length, "UseScoped"));
        var token = Assert.Single(tokens);

        var invocation = SourceScan.InvocationNamedBy(token);

        Assert.Equal(isCall, invocation is not null);
        if (invocation is not null)
        {
            Assert.Contains(token.ValueText, invocation.Expression.ToString());
        }
    }

    [Theory]
    [InlineData("UseRouting();", true)]
    [InlineData("UseRouting  <T>();", true)]
    [InlineData("UseRouting\r\n();", true)]
    [InlineData("UseRouting;", false)]
    [InlineData("UseRouting", false)]
    [InlineData("UseRouting.X();", false)]
    public void Tells_from_the_text_whether_a_name_may_be_called(string text, bool mayBeCalled)
        => Assert.Equal(mayBeCalled, SourceScan.MayBeCalled(text, "UseRouting".Length));

    [Fact]
    public void A_filter_sees_whole_names_only()
    {
        var seen = new List<string>();
        Scan("class Program { void Main() { AddX(); x1AddY(); } }", (text, start, length) =>
        {
            seen.Add(text.Substring(start, length));
            return false;
        });

        Assert.Equal(new[] { "class", "Program", "void", "Main", "AddX", "x1AddY" }, seen);
    }
}
