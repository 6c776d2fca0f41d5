using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.Options;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>Guards the "adding a rule" checklist: every rule has its ID range, doc page, help link, release entry, tests and a clean run on broken code.</summary>
public class ConventionTests
{
    private static readonly Dictionary<char, string> FamilyCategories = new()
    {
        ['1'] = RuleCategories.Security,
        ['2'] = RuleCategories.Observability,
        ['3'] = RuleCategories.Reliability,
        ['4'] = RuleCategories.Security,
        ['5'] = RuleCategories.Reliability,
        ['6'] = RuleCategories.Security,
    };

    /// <summary>The one file that resolves metadata names (<c>Compilation.GetTypeByMetadataName</c>), relative to <c>src</c>.</summary>
    private const string TypeResolver = "Readiness.Analyzers/Common/WellKnownTypeProvider.cs";

    /// <summary>The one file that creates <c>DiagnosticDescriptor</c>s.</summary>
    private const string DescriptorFactory = "Descriptors/Descriptors.cs";

    [Fact]
    public void The_package_has_analyzers_and_descriptors()
    {
        Assert.NotEmpty(Repository.Analyzers);
        Assert.NotEmpty(Repository.Descriptors);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Descriptor_has_id_range_category_and_help_link(string id)
    {
        var descriptor = Repository.Descriptors.Single(d => d.Id == id);
        Assert.Matches(new Regex("^RDY[1-6][0-9]{3}$"), id);
        Assert.Equal(FamilyCategories[id[3]], descriptor.Category);
        Assert.Equal(Readiness.Analyzers.Descriptors.HelpLink(id), descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.Contains(descriptor.DefaultSeverity, new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Info, DiagnosticSeverity.Error });
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Descriptor_has_a_doc_page_with_the_fixed_sections(string id)
    {
        var descriptor = Repository.Descriptors.Single(d => d.Id == id);
        var page = Repository.PathOf("src", "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Why it matters in production", "## How to fix", "## Configuration", "## How to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("| **Category** | " + descriptor.Category + " |", text, StringComparison.Ordinal);
        Assert.Contains("| **Default severity** | " + descriptor.DefaultSeverity + " |", text, StringComparison.Ordinal);
        Assert.Matches(new Regex("## Non-compliant code|## Non-compliant"), text);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Descriptor_is_in_release_tracking_with_its_category_and_severity(string id)
    {
        var descriptor = Repository.Descriptors.Single(d => d.Id == id);
        var tracking = File.ReadAllText(Repository.PathOf("src", "Readiness.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Repository.PathOf("src", "Readiness.Analyzers", "AnalyzerReleases.Shipped.md"));
        var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
        Assert.Matches(new Regex("^" + id + @"\s*\|\s*" + descriptor.Category + @"\s*\|\s*" + severity + @"\s*\|", RegexOptions.Multiline), tracking);
    }

    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Descriptor_has_positive_and_negative_tests(string id)
    {
        var testSources = Directory.EnumerateFiles(Repository.PathOf("tests", "Readiness.Analyzers.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "Meta" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var traitFiles = testSources.Where(s => s.Contains("[Trait(\"Rule\", \"" + id + "\")]", StringComparison.Ordinal)).ToList();
        Assert.True(traitFiles.Count > 0, $"no test class carries [Trait(\"Rule\", \"{id}\")]");
        var positive = traitFiles.Any(s => s.Contains("{|" + id + ":", StringComparison.Ordinal) || Regex.IsMatch(s, id + @"_\w+\)?\s*\)?\s*\.WithLocation"));
        Assert.True(positive, $"no positive test ({{|{id}:…|}} markup or an expected {id} diagnostic)");
        var methods = traitFiles.SelectMany(s => Regex.Matches(s, @"\[(Fact|Theory)[^\]]*\]\s*(\[[^\]]*\]\s*)*public async Task (\w+)").Select(m => m.Groups[3].Value)).ToList();
        Assert.True(methods.Count >= 2, $"{id} has fewer than two tests");
    }

    [Fact]
    public void Every_code_fix_is_exported_fixes_known_ids_and_supports_fix_all()
    {
        var ids = Repository.Descriptors.Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(Repository.CodeFixes);
        foreach (var fix in Repository.CodeFixes)
        {
            var type = fix.GetType();
            Assert.NotNull(type.GetCustomAttribute<ExportCodeFixProviderAttribute>());
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fix.GetFixAllProvider());
            var keys = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.Name.EndsWith("EquivalenceKey", StringComparison.Ordinal))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.Matches("^RDY[0-9]{4}_", key));
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(keys, key => key.StartsWith(id, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Every_code_fix_derives_from_the_readiness_base()
    {
        foreach (var fix in Repository.CodeFixes)
        {
            Assert.True(fix is Readiness.Analyzers.CodeFixes.Common.ReadinessCodeFixProvider, $"{fix.GetType().Name} does not derive from ReadinessCodeFixProvider");
        }
    }

    [Fact]
    public void Doc_pages_that_claim_a_fix_have_one_and_the_others_do_not()
    {
        var fixable = Repository.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
        foreach (var descriptor in Repository.Descriptors)
        {
            var text = File.ReadAllText(Repository.PathOf("src", "docs", "rules", descriptor.Id + ".md"));
            var claimsFix = Regex.IsMatch(text, @"\| \*\*Code fix\*\* \| Yes");
            Assert.True(claimsFix == fixable.Contains(descriptor.Id), $"{descriptor.Id}: doc page says code fix {(claimsFix ? "Yes" : "No")}, package {(fixable.Contains(descriptor.Id) ? "has" : "has no")} fix");
        }
    }

    [Fact]
    public void Every_option_is_namespaced_and_documented()
    {
        var docs = string.Concat(Directory.EnumerateFiles(Repository.PathOf("src", "docs", "rules"), "*.md").Select(File.ReadAllText));
        var options = ReadinessOptions.All.ToList();
        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.StartsWith("readiness.", option.Key, StringComparison.Ordinal);
            Assert.Contains(option.Key, docs, StringComparison.Ordinal);
        }

        Assert.Equal(options.Count, options.Select(o => o.Key).Distinct().Count());
    }

    [Fact]
    public void Readme_lists_every_option()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        foreach (var option in ReadinessOptions.All)
        {
            Assert.Contains("`" + option.Key + "`", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_lists_every_rule()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        foreach (var descriptor in Repository.Descriptors)
        {
            Assert.Contains("src/docs/rules/" + descriptor.Id + ".md", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_the_well_known_type_provider_resolves_metadata_names()
    {
        // The analyzers and the code fixes: the fixes see the analyzers' internals, and resolve through the same provider.
        var sources = Sources("Readiness.Analyzers").Concat(Sources("Readiness.Analyzers.CodeFixes")).ToList();
        Assert.Contains(sources, source => source.Path.StartsWith("Readiness.Analyzers.CodeFixes/", StringComparison.Ordinal));
        Assert.Contains(sources, source => source.Path == TypeResolver && CallsGetTypeByMetadataName(source.Root));
        var offenders = sources
            .Where(source => source.Path != TypeResolver && CallsGetTypeByMetadataName(source.Root))
            .Select(source => source.Path)
            .ToList();
        Assert.True(
            offenders.Count == 0,
            "GetTypeByMetadataName outside " + TypeResolver + " (use environment.Types.Get(…) or WellKnownTypeProvider.For(compilation).Get(…)): "
                + string.Join(", ", offenders));
    }

    [Fact]
    public void Only_Descriptors_cs_creates_diagnostic_descriptors()
    {
        var sources = AnalyzerSources();
        Assert.Contains(sources, source => source.Path == DescriptorFactory && CreatesDiagnosticDescriptor(source.Root));
        var offenders = sources
            .Where(source => source.Path != DescriptorFactory && CreatesDiagnosticDescriptor(source.Root))
            .Select(source => source.Path)
            .ToList();
        Assert.True(
            offenders.Count == 0,
            "new DiagnosticDescriptor(…) outside " + DescriptorFactory + " (add the rule to Descriptors.<Family>.cs): " + string.Join(", ", offenders));
    }

    /// <summary>The analyzer project's C# sources (not obj/ or bin/), each with its path relative to the project ('/'-separated) and its syntax.</summary>
    private static List<(string Path, SyntaxNode Root)> AnalyzerSources() => ProjectSources("Readiness.Analyzers", prefix: string.Empty);

    /// <summary>The C# sources of the project <c>src/<paramref name="project"/></c>, each with its path relative to <c>src</c>.</summary>
    private static List<(string Path, SyntaxNode Root)> Sources(string project) => ProjectSources(project, prefix: project + "/");

    private static List<(string Path, SyntaxNode Root)> ProjectSources(string projectName, string prefix)
    {
        var project = Repository.PathOf("src", projectName);
        return Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(project, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (prefix + path, CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(project, path))).GetRoot()))
            .ToList();
    }

    /// <summary>Whether the code (not comments or strings) names <c>GetTypeByMetadataName</c>: a call or a method group.</summary>
    private static bool CallsGetTypeByMetadataName(SyntaxNode root)
        => root.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == "GetTypeByMetadataName");

    /// <summary>Whether the code creates a descriptor: <c>new DiagnosticDescriptor(…)</c>, qualified or not.</summary>
    private static bool CreatesDiagnosticDescriptor(SyntaxNode root)
        => root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Any(creation => RightmostName(creation.Type) == "DiagnosticDescriptor");

    private static string? RightmostName(TypeSyntax type)
        => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
}
