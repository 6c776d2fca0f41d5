using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace Readiness.Analyzers.Tests.Secrets.Corpus;

/// <summary>
/// The labelled corpus (<c>*.cases</c> beside this file): realistic .NET code and committed config files, each case
/// labelled <c>secret</c> or <c>clean</c> by what a careful reviewer would say. All six secrets analyzers run over each
/// case as a build runs them; a case counts as found when any RDY1xxx diagnostic is reported in it. Precision and recall
/// must both reach 95%. Every miss and false alarm is written to the test output.
/// </summary>
[Trait("Rule", "RDY1001")]
[Trait("Rule", "RDY1002")]
[Trait("Rule", "RDY1003")]
[Trait("Rule", "RDY1004")]
[Trait("Rule", "RDY1005")]
[Trait("Rule", "RDY1101")]
public class SecretsCorpusTests(ITestOutputHelper output)
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new ProviderTokenAnalyzer(),
        new SecretNamedSymbolAnalyzer(),
        new CredentialInStructuredStringAnalyzer(),
        new HardcodedSecretFallbackAnalyzer(),
        new HardcodedKeyMaterialAnalyzer(),
        new SecretInConfigFileAnalyzer());

    private const string DefaultProgram = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Run();
        """;

    [Fact]
    public async Task Precision_and_recall_reach_95_percent_on_the_labelled_corpus()
    {
        var cases = CorpusCase.LoadAll();
        Assert.True(cases.Count >= 300, "the corpus holds " + cases.Count + " cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());

        int tp = 0, fp = 0, fn = 0, tn = 0;
        var report = new StringBuilder();
        var byKind = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var notCompiling = new List<string>();
        foreach (var c in cases)
        {
            var runner = new CompilationRunner().As(c.IsTest ? TestProjectKind.Test : TestProjectKind.Web).WithImplicitUsings();
            if (c.IsCode)
            {
                runner.WithSource("/0/" + c.Path, c.Text);
            }
            else
            {
                runner.WithSource("/0/Program.cs", DefaultProgram).WithAdditionalFile("/0/" + c.Path, c.Text);
            }

            var errors = runner.CreateCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                notCompiling.Add(c.Id + ": " + string.Join("; ", errors.Take(3)));
            }

            var diagnostics = (await runner.RunAsync(Analyzers)).Where(d => d.Id.StartsWith("RDY1", StringComparison.Ordinal)).ToList();
            Assert.True(runner.AnalyzerExceptions.Count == 0, c.Id + ": " + string.Join("; ", runner.AnalyzerExceptions));
            var found = diagnostics.Count > 0;
            var counts = byKind.TryGetValue(c.Kind, out var k) ? k : byKind[c.Kind] = new int[4];
            if (c.IsSecret && found)
            {
                tp++;
                counts[0]++;
            }
            else if (c.IsSecret)
            {
                fn++;
                counts[2]++;
                report.AppendLine("MISS  " + c.Id + " (" + c.Kind + "): " + c.Note);
            }
            else if (found)
            {
                fp++;
                counts[1]++;
                report.AppendLine("FALSE " + c.Id + " (" + c.Kind + "): " + c.Note + " <- " + string.Join(", ", diagnostics.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))));
            }
            else
            {
                tn++;
                counts[3]++;
            }
        }

        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Corpus: {0} cases ({1} secret, {2} clean). TP {3}, FP {4}, FN {5}, TN {6}. Precision {7:P1}, recall {8:P1}.",
            cases.Count, tp + fn, fp + tn, tp, fp, fn, tn, precision, recall));
        foreach (var (kind, n) in byKind)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-10} TP {1,3}  FP {2,3}  FN {3,3}  TN {4,3}", kind, n[0], n[1], n[2], n[3]));
        }

        output.WriteLine(report.Length == 0 ? "No misses, no false alarms." : report.ToString());
        Assert.True(notCompiling.Count == 0, "Cases that do not compile (every case must be real code):\n" + string.Join("\n", notCompiling));
        Assert.True(precision >= 0.95, string.Format(CultureInfo.InvariantCulture, "precision {0:P1}", precision));
        Assert.True(recall >= 0.95, string.Format(CultureInfo.InvariantCulture, "recall {0:P1}", recall));
    }
}

/// <summary>
/// One labelled case. A <c>.cases</c> file holds many, each opened by a header line
/// <c>### id | secret|clean | path | note</c> (path <c>test:…</c> puts the case in a test project); lines starting with
/// <c>## </c> are comments of the corpus, not part of a case. Provider tokens are
/// written <c>&lt;&lt;&lt;family name&gt;&gt;&gt;</c> and built at run time by <see cref="FakeTokens"/>, so the repository
/// holds no token of its own.
/// </summary>
internal sealed record CorpusCase(string Id, bool IsSecret, string Path, bool IsTest, string Kind, string Note, string Text)
{
    private static readonly Regex TokenReference = new("<<<([^<>]+)>>>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool IsCode => Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    public static List<CorpusCase> LoadAll()
    {
        var directory = Repository.PathOf("tests", "Readiness.Analyzers.Tests", "Secrets", "Corpus");
        var cases = new List<CorpusCase>();
        foreach (var file in Directory.GetFiles(directory, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            cases.AddRange(Parse(File.ReadAllText(file)));
        }

        return cases;
    }

    private static IEnumerable<CorpusCase> Parse(string content)
    {
        string[]? header = null;
        var body = new StringBuilder();
        foreach (var raw in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.StartsWith("### ", StringComparison.Ordinal))
            {
                if (header is not null)
                {
                    yield return Create(header, body.ToString());
                }

                header = raw[4..].Split('|').Select(p => p.Trim()).ToArray();
                body.Clear();
            }
            else if (header is not null && !raw.StartsWith("## ", StringComparison.Ordinal))
            {
                body.Append(raw).Append('\n');
            }
        }

        if (header is not null)
        {
            yield return Create(header, body.ToString());
        }
    }

    private static CorpusCase Create(string[] header, string text)
    {
        if (header.Length < 4 || header[1] is not ("secret" or "clean"))
        {
            throw new InvalidOperationException("Bad case header: " + string.Join(" | ", header));
        }

        var path = header[2];
        var isTest = path.StartsWith("test:", StringComparison.Ordinal);
        if (isTest)
        {
            path = path[5..];
        }

        var id = header[0];
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var kind = dash > 0 ? id[..dash] : id;
        return new CorpusCase(id, header[1] == "secret", path, isTest, kind, string.Join(" | ", header.Skip(3)), Expand(text.TrimEnd('\n') + "\n"));
    }

    private static readonly Lazy<Dictionary<string, string>> Tokens = new(() =>
    {
        var tokens = FakeTokens.AllFamilies().ToDictionary(row => (string)row[0], row => (string)row[1], StringComparer.Ordinal);
        tokens["GitHub token, bad checksum"] = FakeTokens.GitHubBadChecksum(31);
        tokens["GitHub token 2"] = FakeTokens.GitHub(32);
        tokens["npm token 2"] = FakeTokens.Npm(33);
        tokens["Azure identifiable key, bad checksum"] = FakeTokens.OneCharacterChanged(FakeTokens.WithMarvinAzureKey("+AS" + "t", 34));
        tokens["Entra ID client secret, bad checksum"] = FakeTokens.OneCharacterChanged(FakeTokens.WithMarvinEntraSecret(35));
        tokens["Common annotated key, bad checksum"] = FakeTokens.OneCharacterChanged(FakeTokens.WithMarvinCommonAnnotatedKey(36));
        foreach (var signature in IdentifiableKeys.Signatures.Keys)
        {
            tokens["Azure key " + signature] = FakeTokens.WithMarvinAzureKey(signature, 40 + signature[1]);
        }

        tokens["Entra ID client secret, legacy"] = FakeTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 3, 41) + "7Q" + "~"
            + FakeTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-", 34, 42);
        tokens["Common annotated key, short"] = FakeTokens.WithMarvinCommonAnnotatedKey(37, shortForm: true);
        tokens["base64 32 bytes"] = FakeTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 43, 38) + "=";
        tokens["hex 32 bytes"] = FakeTokens.Random("0123456789abcdef", 64, 39);
        tokens["random 40"] = FakeTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40, 40);
        return tokens;
    });

    private static string Expand(string text) => TokenReference.Replace(text, m =>
        Tokens.Value.TryGetValue(m.Groups[1].Value, out var token)
            ? token.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : throw new InvalidOperationException("Unknown token family in the corpus: " + m.Groups[1].Value));
}
