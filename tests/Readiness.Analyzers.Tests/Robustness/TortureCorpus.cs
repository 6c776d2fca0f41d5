using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Readiness.Analyzers.Tests.Verifiers;

namespace Readiness.Analyzers.Tests.Robustness;

/// <summary>
/// The torture corpus: every code snippet of the test suite (raw string literals, markup removed) and every sample file,
/// each also truncated and mutated (tokens deleted or duplicated, a brace removed, a string unterminated). Seeded from the
/// snippet's text, so a failure names a variant that reproduces.
/// </summary>
public static class TortureCorpus
{
    private static readonly Regex Markup = new(@"\{\|[^:|{}]+:|\|\}|\[\||\|\]", RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyList<(string Name, string Source)>> Snippets = new(LoadSnippets);

    public static IReadOnlyList<(string Name, string Source)> All => Snippets.Value;

    public static IEnumerable<(string Name, string Source)> Variants((string Name, string Source) snippet)
    {
        var (name, source) = snippet;
        yield return (name, source);
        var random = new Random(StableHash(source));
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count < 4)
        {
            yield break;
        }

        var cut = random.Next(1, source.Length);
        yield return ($"{name} truncated at {cut}", source[..cut]);

        var deleted = tokens[random.Next(tokens.Count)];
        yield return ($"{name} without token '{deleted.Text}' at {deleted.SpanStart}", source.Remove(deleted.SpanStart, deleted.Span.Length));

        var duplicated = tokens[random.Next(tokens.Count)];
        yield return ($"{name} with token '{duplicated.Text}' at {duplicated.SpanStart} twice", source.Insert(duplicated.SpanStart, duplicated.Text + " "));

        var braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
        if (braces.Count > 0)
        {
            var brace = braces[random.Next(braces.Count)];
            yield return ($"{name} without brace at {brace.SpanStart}", source.Remove(brace.SpanStart, 1));
        }

        var strings = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringEndToken)).ToList();
        if (strings.Count > 0)
        {
            var text = strings[random.Next(strings.Count)];
            yield return ($"{name} with an unterminated string at {text.SpanStart}", source.Remove(text.Span.End - 1, 1));
        }
    }

    private static IReadOnlyList<(string Name, string Source)> LoadSnippets()
    {
        var list = new List<(string, string)>();
        var testRoot = Repository.PathOf("tests", "Readiness.Analyzers.Tests");
        foreach (var file in Directory.EnumerateFiles(testRoot, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(testRoot, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var index = 0;
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    continue;
                }

                var text = Markup.Replace(token.ValueText, string.Empty);
                if (text.Length >= 40 && (text.Contains(';') || text.Contains('{')))
                {
                    list.Add(($"{relative}#{index++}", text));
                }
            }
        }

        foreach (var sample in new[] { "NotReadyApi", "ReadyApi" })
        {
            var directory = Repository.PathOf("samples", sample);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(Repository.Root, file);
                if (!relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    list.Add((relative, File.ReadAllText(file, Encoding.UTF8)));
                }
            }
        }

        return list;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
