using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>
/// RDY1002 reports from literal actions; a diagnostic reported outside the node an action ran on would be dropped by the
/// IDE's per-document analysis. The build and the IDE path must agree, also where one value holds several literals.
/// </summary>
[Trait("Rule", "RDY1002")]
public class DocumentPathTests
{
    private const string Source = """
        public static class Keys
        {
            private const string Prefix = "Orders";
            public const string AdminPassword = Prefix + "#Adm1n!" + "-2024";
            public static string GetApiKey(bool live) => live ? "k7Qp2Zr9Lm4Xw8Tb" : "";
            public static string GetToken(string env) => env switch { "prod" => "tk_8Hj3Kl9Qw2Er5Ty7", _ => "" };
            public static readonly string[] ApiKeys = { "ak_7Gh2Jk9Lp4Qw", "ak_3Vb8Nm1Xc6Zs" };
            public static string GetClientSecret(bool live) { return live ? "9a8b7c6d5e4f3a2b1c0d" : ""; }
            public static object Anonymous() => new { ApiToken = "tok_9Hf83kQ2lM7xZ0", Name = "orders" };
        }
        """;

    [Fact]
    public async Task The_build_and_the_ide_path_report_the_same_values_once_each()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SecretNamedSymbolAnalyzer());
        var build = await new CompilationRunner().WithSource("/0/Test0.cs", Source).RunAsync(analyzers);
        var document = await new CompilationRunner().WithSource("/0/Test0.cs", Source).RunOnDocumentAsync(analyzers, "/0/Test0.cs");

        var buildSpans = build.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).ToList();
        var documentSpans = document.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).ToList();
        Assert.Equal(7, buildSpans.Count);
        Assert.Equal(buildSpans.Distinct().Count(), buildSpans.Count);
        Assert.Equal(buildSpans, documentSpans);
    }
}
