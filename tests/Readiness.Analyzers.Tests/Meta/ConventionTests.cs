using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.Options;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

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

    /// <summary>Options every rule reads through the rule environment: documented in the README, not on each rule's page.</summary>
    private static readonly string[] ProjectWideOptions = { ReadinessOptions.ProjectKindOverride.Key, ReadinessOptions.AnalyzeTestProjects.Key };

    /// <summary>The negative tests of every rule, found once for all rules.</summary>
    private static readonly Lazy<IReadOnlyList<NegativeTestScan.NegativeTest>> NegativeTests = new(() => NegativeTestScan.Load().NegativeTests());

    private readonly ITestOutputHelper _output;

    public ConventionTests(ITestOutputHelper output) => _output = output;

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
        Assert.Equal("# " + id + ": " + descriptor.Title, text.Split('\n')[0].TrimEnd('\r'));
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

    /// <summary>Every option has a row in the README's configuration table, with its default.</summary>
    [Fact]
    public void Readme_lists_every_option()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var rows = readme.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith("| `readiness.", StringComparison.Ordinal)).ToList();
        foreach (var option in ReadinessOptions.All)
        {
            Assert.Contains("`" + option.Key + "`", readme, StringComparison.Ordinal);
            var row = rows.Where(r => r.StartsWith("| `" + option.Key + "` |", StringComparison.Ordinal)).ToList();
            Assert.True(row.Count == 1, $"{option.Key}: {row.Count} rows in the README's configuration table (one expected)");
            var shownDefault = Cells(row[0])[1];
            Assert.True(
                shownDefault == "`" + option.DefaultText + "`" || (option.DefaultText == "(none)" && shownDefault == "(none)"),
                $"{option.Key}: the README shows the default {shownDefault}, the option's is {option.DefaultText}");
        }
    }

    /// <summary>
    /// The README's rules table has one row per rule, and each row says what the package says: the title is the
    /// descriptor's, the family is the analyzer's folder, the default severity is the descriptor's, and the code fix column
    /// is Yes exactly when a code fix provider lists the ID in <c>FixableDiagnosticIds</c>.
    /// </summary>
    [Fact]
    public void The_package_readme_lists_every_rule_as_the_repository_readme_does()
    {
        // The page nuget.org shows: one row per rule, the same title, severity and code-fix column as the README table.
        static IEnumerable<string> Rows(string text, Func<List<string>, string> id, Func<List<string>, string> rest)
            => text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith("| [RDY", StringComparison.Ordinal))
                .Select(line => Cells(line)).Select(cells => id(cells) + " | " + rest(cells));

        var readme = Rows(File.ReadAllText(Repository.PathOf("README.md")), c => c[0][1..8], c => string.Join(" | ", c.Skip(2)));
        var package = Rows(File.ReadAllText(Repository.PathOf("src", "Readiness.Analyzers.Package", "PACKAGE.md")), c => c[0][1..8], c => string.Join(" | ", c.Skip(1)));
        Assert.Equal(readme, package);
        Assert.Equal(Repository.Descriptors.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal), package.Select(row => row[..7]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_lists_every_rule()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        foreach (var descriptor in Repository.Descriptors)
        {
            Assert.Contains("src/docs/rules/" + descriptor.Id + ".md", readme, StringComparison.Ordinal);
        }

        var rows = readme.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith("| [RDY", StringComparison.Ordinal)).ToList();
        var fixable = Repository.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var row in rows)
        {
            var cells = Cells(row);
            var link = Regex.Match(cells[0], @"^\[(RDY[0-9]{4})\]\(src/docs/rules/\1\.md\)$");
            if (!link.Success || cells.Count != 5)
            {
                problems.Add("malformed row: " + row);
                continue;
            }

            var id = link.Groups[1].Value;
            var descriptor = Repository.Descriptors.SingleOrDefault(d => d.Id == id);
            if (descriptor is null)
            {
                problems.Add(id + ": a row for a rule no analyzer supports");
                continue;
            }

            var family = Repository.Analyzers.First(a => a.SupportedDiagnostics.Any(d => d.Id == id)).GetType().Namespace!.Split('.').Last();
            var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
            var fix = fixable.Contains(id) ? "Yes" : "No";
            Check("family", cells[1].Replace(" ", string.Empty, StringComparison.Ordinal), family, StringComparer.OrdinalIgnoreCase);
            Check("title", cells[2], descriptor.Title.ToString(), StringComparer.Ordinal);
            Check("default severity", cells[3], severity, StringComparer.Ordinal);
            Check("code fix", cells[4], fix, StringComparer.Ordinal);

            void Check(string column, string shown, string actual, StringComparer comparer)
            {
                if (!comparer.Equals(shown, actual))
                {
                    problems.Add($"{id}: the README's {column} is '{shown}', the package's is '{actual}'");
                }
            }
        }

        var ids = rows.Select(r => Regex.Match(r, @"RDY[0-9]{4}").Value).ToList();
        problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key + ": " + g.Count() + " rows in the rules table"));
        problems.AddRange(Repository.Descriptors.Where(d => !ids.Contains(d.Id)).Select(d => d.Id + ": no row in the rules table"));
        Assert.True(problems.Count == 0, "README rules table:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// A title does not state a number an option changes (<c>readiness.passwords.minimum_length</c>'s 12): the title is
    /// fixed, the team's setting is not. The message, formatted with the configured value, is the place for the number.
    /// </summary>
    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Title_does_not_state_an_option_default(string id)
    {
        var title = Repository.Descriptors.Single(d => d.Id == id).Title.ToString();
        foreach (var option in ReadinessOptions.All.Where(o => double.TryParse(o.DefaultText, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            Assert.False(
                Regex.IsMatch(title, @"(?<![0-9.])" + Regex.Escape(option.DefaultText) + @"(?![0-9]|\.[0-9])"),
                $"{id}'s title '{title}' states {option.DefaultText}, the default of {option.Key}: leave the number to the message");
        }
    }

    /// <summary>
    /// Every descriptor declared in <see cref="Readiness.Analyzers.Descriptors"/> is in some analyzer's
    /// <c>SupportedDiagnostics</c> (the other conventions iterate the analyzers' descriptors: an orphan would escape them all),
    /// every analyzer supports only declared descriptors, and every <see cref="RuleIds"/> constant has its descriptor.
    /// </summary>
    [Fact]
    public void Every_descriptor_is_supported_by_an_analyzer()
    {
        const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;
        var type = typeof(Readiness.Analyzers.Descriptors);
        var declared = type.GetFields(PublicStatic).Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (f.Name, Descriptor: (DiagnosticDescriptor)f.GetValue(null)!))
            .Concat(type.GetProperties(PublicStatic).Where(p => p.PropertyType == typeof(DiagnosticDescriptor)).Select(p => (p.Name, Descriptor: (DiagnosticDescriptor)p.GetValue(null)!)))
            .ToList();
        Assert.NotEmpty(declared);
        var supported = Repository.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();

        var orphans = declared.Where(d => !supported.Any(s => s.Equals(d.Descriptor))).Select(d => d.Name).ToList();
        Assert.True(orphans.Count == 0, "descriptors no analyzer supports (add each to its analyzer's SupportedDiagnostics, or delete it): " + string.Join(", ", orphans));

        var undeclared = supported.Where(s => !declared.Any(d => d.Descriptor.Equals(s))).Select(s => s.Id).Distinct().ToList();
        Assert.True(undeclared.Count == 0, "analyzers support descriptors that are not members of Descriptors: " + string.Join(", ", undeclared));

        var ruleIds = typeof(RuleIds).GetFields(PublicStatic).Where(f => f.IsLiteral).Select(f => (f.Name, Id: (string)f.GetRawConstantValue()!)).ToList();
        var withoutDescriptor = ruleIds.Where(r => !declared.Any(d => d.Name == r.Name && d.Descriptor.Id == r.Id)).Select(r => r.Name).ToList();
        Assert.True(withoutDescriptor.Count == 0, "RuleIds constants without a descriptor of the same name and ID: " + string.Join(", ", withoutDescriptor));
        Assert.Equal(declared.Count, ruleIds.Count);
    }

    /// <summary>
    /// Every rule has a negative test: a test tagged with the rule that verifies code and expects no diagnostic of it
    /// (<see cref="NegativeTestScan"/> reads the test sources to find them).
    /// </summary>
    [Theory]
    [MemberData(nameof(Repository.DescriptorIds), MemberType = typeof(Repository))]
    public void Every_rule_has_a_negative_test(string id)
    {
        var negatives = NegativeTests.Value.Where(t => t.Rule == id).ToList();
        _output.WriteLine($"{id}: {negatives.Count} negative tests in {negatives.Select(n => n.Path + "#" + n.Method).Distinct().Count()} test methods");
        foreach (var negative in negatives)
        {
            _output.WriteLine($"  {negative.Path}:{negative.Line} {negative.Method}: {negative.How}");
        }

        Assert.True(
            negatives.Count > 0,
            $"{id} has no negative test: add a test with [Trait(\"Rule\", \"{id}\")] that runs its analyzer on correct code (no {{|{id}:…|}} markup, no expected {id} diagnostic)");
    }

    /// <summary>The scan that finds negative tests tells them from positive ones, in each form the test sources use.</summary>
    [Fact]
    public void The_negative_test_scan_tells_negative_from_positive_tests()
    {
        const string Source = """"
            [Trait("Rule", "RDY5002")]
            [Trait("Rule", "RDY5003")]
            public class Sample
            {
                private const string Clean = "var x = 1;";
                private const string Marked = "{|RDY5002:x|}";
                private static readonly DiagnosticResult Expected = new DiagnosticResult(Descriptors.RDY5002_RateLimiterNotApplied).WithLocation(0);

                private static ReadinessTest<RateLimiterRegistrationAnalyzer, EmptyCodeFixProvider> Test(string source)
                    => new ReadinessTest<RateLimiterRegistrationAnalyzer>().WithSource(source);

                [Fact]
                public async Task Markup() => await Test("{|RDY5002:x|}").RunAsync();

                [Fact]
                public async Task Expectation() => await Test("{|#0:x|}").Expect(Expected).RunAsync();

                [Fact]
                public async Task Clean_code()
                {
                    await Test(Clean).RunAsync();
                }

                [Fact]
                public async Task Local_then_replaced()
                {
                    var code = """
                        x
                        """;
                    await Test(code).RunAsync();
                    await Test(code.Replace("x", "{|RDY5003:x|}")).RunAsync();
                }

                [Fact]
                public async Task Markup_removed() => await Test(Marked.Replace("{|RDY5002:", string.Empty).Replace("|}", "")).RunAsync();

                [Fact]
                public async Task Compiler_error_markup() => await Test("{|CS0103:y|}").RunAsync();

                [Fact]
                public async Task Configured_test_object()
                {
                    var test = Test(Clean);
                    test.ExpectedDiagnostics.Add(Expected);
                    await test.RunAsync();
                }

                [Theory]
                [InlineData("{|RDY5002:x|}")]
                public async Task Data(string code) => await Test(code).RunAsync();

                [Fact]
                public async Task Markup_built_at_run_time()
                {
                    var id = "RDY" + "5003";
                    await Test("{|" + id + ":x|}").RunAsync();
                }

                [Fact]
                public async Task Runner()
                {
                    var runner = new CompilationRunner().WithSource("/0/P.cs", "x");
                    var diagnostics = await runner.RunAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new RateLimiterRegistrationAnalyzer()));
                    Assert.Empty(runner.AnalyzerExceptions);
                    Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("RDY5003", StringComparison.Ordinal)));
                    Assert.Contains(diagnostics, d => d.Id == "RDY5002");
                }

                [Fact]
                public async Task Another_analyzer() => await new ReadinessTest<MissingRateLimitingAnalyzer>().WithSource(Clean).RunAsync();

                public async Task Not_a_test() => await Test(Clean).RunAsync();
            }
            """";
        var found = NegativeTestScan.Parse(new[] { ("Sample.cs", Source) }).NegativeTests()
            .Select(t => t.Method + ":" + t.Rule)
            .OrderBy(s => s, StringComparer.Ordinal);
        var expected = new[]
        {
            "Clean_code:RDY5002", "Clean_code:RDY5003",
            "Compiler_error_markup:RDY5002", "Compiler_error_markup:RDY5003",
            "Configured_test_object:RDY5003",
            "Data:RDY5003",
            "Expectation:RDY5003",
            "Local_then_replaced:RDY5002", "Local_then_replaced:RDY5002", "Local_then_replaced:RDY5003",
            "Markup:RDY5003",
            "Markup_removed:RDY5002", "Markup_removed:RDY5003",
            "Runner:RDY5003",
        };
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), found);
    }

    /// <summary>
    /// Every option is documented, by key, on the page of each rule that reads it: the rules whose analyzer or code fix
    /// names the option (<c>ReadinessOptions.PasswordMinimumLength</c>), and the rules its description names when a shared
    /// helper reads it (<c>SecretsSettings</c>, the rule environment) — a description may only name rules whose analyzer or
    /// fix can reach that helper. The project-wide options are exempt (the README documents them, see
    /// <see cref="Readme_lists_every_option"/>).
    /// </summary>
    [Fact]
    public void Every_option_is_documented_on_the_page_of_each_rule_that_reads_it()
    {
        var sources = ProjectSources("Readiness.Analyzers").Concat(ProjectSources("Readiness.Analyzers.CodeFixes")).ToList();
        var types = sources
            .SelectMany(s => s.Root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            .GroupBy(t => t.Identifier.ValueText, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var mentions = types.ToDictionary(
            t => t.Key,
            t => t.Value.SelectMany(d => d.DescendantNodes().OfType<SimpleNameSyntax>()).Select(n => n.Identifier.ValueText).Where(types.ContainsKey).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var field in typeof(ReadinessOptions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.GetValue(null) is IOptionDefinition))
        {
            var option = (IOptionDefinition)field.GetValue(null)!;
            var readers = types
                .Where(t => t.Value.Any(d => d.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                    .Any(a => a.Name.Identifier.ValueText == field.Name && a.Expression switch
                    {
                        IdentifierNameSyntax name => name.Identifier.ValueText,
                        MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
                        _ => null,
                    } == nameof(ReadinessOptions))))
                .Select(t => t.Key)
                .ToList();
            if (readers.Count == 0)
            {
                problems.Add($"{option.Key}: no analyzer or code fix reads ReadinessOptions.{field.Name}");
                continue;
            }

            if (ProjectWideOptions.Contains(option.Key))
            {
                continue;
            }

            var direct = readers.SelectMany(RulesOf).ToHashSet(StringComparer.Ordinal);
            var reachable = Reaching(readers).SelectMany(RulesOf).ToHashSet(StringComparer.Ordinal);
            var declared = RulesNamedIn(option);
            problems.AddRange(declared.Where(r => !reachable.Contains(r))
                .Select(r => $"{option.Key}: its description names {r}, whose analyzer and fixes never reach ReadinessOptions.{field.Name} ({string.Join(", ", readers)})"));
            var rules = direct.Union(declared).Where(reachable.Contains).OrderBy(r => r, StringComparer.Ordinal).ToList();
            if (rules.Count == 0)
            {
                problems.Add($"{option.Key}: read by {string.Join(", ", readers)} for no rule: name its rules in its description");
            }

            _output.WriteLine($"{option.Key}: {string.Join(", ", rules)} (read in {string.Join(", ", readers)})");
            foreach (var rule in rules)
            {
                var page = File.ReadAllText(Repository.PathOf("src", "docs", "rules", rule + ".md"));
                if (!page.Contains(option.Key, StringComparison.Ordinal))
                {
                    problems.Add($"{rule}.md does not document {option.Key}, which {rule} reads");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // The rules of an analyzer (its SupportedDiagnostics) or a code fix (its FixableDiagnosticIds), by type name.
        IEnumerable<string> RulesOf(string type)
            => Repository.Analyzers.Where(a => a.GetType().Name == type).SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id))
                .Concat(Repository.CodeFixes.Where(f => f.GetType().Name == type).SelectMany(f => f.FixableDiagnosticIds));

        // The types that name any of the targets, directly or through other types, and the targets themselves.
        IEnumerable<string> Reaching(IEnumerable<string> targets)
        {
            var reached = targets.ToHashSet(StringComparer.Ordinal);
            var queue = new Queue<string>(reached);
            while (queue.Count > 0)
            {
                var target = queue.Dequeue();
                foreach (var user in mentions.Where(m => m.Value.Contains(target)).Select(m => m.Key))
                {
                    if (reached.Add(user))
                    {
                        queue.Enqueue(user);
                    }
                }
            }

            return reached;
        }
    }

    /// <summary>The rules an option's description names: <c>RDY1002/RDY1004</c>, <c>RDY3001–RDY3003</c>, <c>All secrets rules</c>.</summary>
    private static HashSet<string> RulesNamedIn(IOptionDefinition option)
    {
        var ids = Repository.Descriptors.Select(d => d.Id).ToList();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match range in Regex.Matches(option.Description, @"RDY([0-9]{4})\s*[–-]\s*(?:RDY)?([0-9]{4})"))
        {
            var (first, last) = (int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture));
            named.UnionWith(ids.Where(id => int.Parse(id[3..], CultureInfo.InvariantCulture) is var n && n >= first && n <= last));
        }

        named.UnionWith(Regex.Matches(option.Description, "RDY[0-9]{4}").Select(m => m.Value).Where(ids.Contains));
        foreach (Match family in Regex.Matches(option.Description, @"\bAll ([a-z ]+?) rules\b", RegexOptions.IgnoreCase))
        {
            var name = family.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            named.UnionWith(Repository.Analyzers
                .Where(a => string.Equals(a.GetType().Namespace!.Split('.').Last(), name, StringComparison.OrdinalIgnoreCase))
                .SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id)));
        }

        return named;
    }

    /// <summary>The cells of a Markdown table row, trimmed.</summary>
    private static List<string> Cells(string row)
        => row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();

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

    /// <summary>The C# sources of the project <c>src/<paramref name="projectName"/></c>, each with its path relative to the project.</summary>
    private static List<(string Path, SyntaxNode Root)> ProjectSources(string projectName) => ProjectSources(projectName, prefix: string.Empty);

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
