using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Analyzers.Tests.Verifiers;

namespace Readiness.Analyzers.Tests.Meta;

/// <summary>
/// Finds, in the test sources (parsed with Roslyn, syntax only), the tests that verify code and expect no diagnostic of
/// a rule: a negative test of RDYnnnn. One is counted per verification, in a test method (<c>[Fact]</c>/<c>[Theory]</c>)
/// that carries <c>[Trait("Rule", "RDYnnnn")]</c> itself or on its class:
/// <list type="bullet">
/// <item>a verifier run (<c>ReadinessTest&lt;TAnalyzer, …&gt;</c> … <c>RunAsync()</c>) whose analyzer supports the rule and
/// whose inputs hold no <c>{|RDYnnnn:</c> (or <c>[|</c>) markup and no expected <c>RDYnnnn</c> diagnostic
/// (<c>Descriptors.RDYnnnn_…</c>, <c>RuleIds.RDYnnnn_…</c>, <c>"RDYnnnn"</c>): the verifier then fails on any diagnostic of it;</item>
/// <item>an explicit assertion on the diagnostics of a <see cref="CompilationRunner"/> run whose analyzers support the rule:
/// <c>Assert.Empty(diagnostics)</c>, or <c>Assert.Empty</c>/<c>Assert.DoesNotContain</c> filtered by an ID prefix of the rule.</item>
/// </list>
/// A verification's inputs are the statement that runs it and everything it names, followed through the test method's
/// locals (their initializers, assignments and the statements that configure them), the method's <c>[InlineData]</c> and
/// <c>[MemberData]</c>, and the fields, properties and helper methods of the test classes. Anything that might expect the
/// rule makes the verification positive: the scan may miss a negative test, never invent one.
/// </summary>
internal sealed class NegativeTestScan
{
    private readonly Dictionary<string, List<TypeDeclarationSyntax>> _types;
    private readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> _analyzerRules;
    private readonly List<(string Path, SyntaxNode Root)> _files;

    private NegativeTestScan(List<(string Path, SyntaxNode Root)> files, IReadOnlyDictionary<string, IReadOnlyCollection<string>> analyzerRules)
    {
        _files = files;
        _analyzerRules = analyzerRules;
        _types = files
            .SelectMany(f => f.Root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            .GroupBy(t => t.Identifier.ValueText, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A verification's inputs: the syntax it names, and the values of the markup-editing expressions in it
    /// (<c>Controller.Replace("{|RDY2001:", string.Empty)</c>), which are judged by their value, not by their literals.
    /// </summary>
    private sealed record Inputs(List<SyntaxNode> Nodes, List<(ExpressionSyntax Expression, string Value)> Evaluated);

    /// <summary>One negative test: the rule, the test method, where the verification is, and how it expects nothing.</summary>
    public sealed record NegativeTest(string Rule, string Method, string Path, int Line, string How);

    /// <summary>The test project's C# sources (not obj/ or bin/), analysed against the package's analyzers.</summary>
    public static NegativeTestScan Load()
    {
        var project = Repository.PathOf("tests", "Readiness.Analyzers.Tests");
        return Parse(Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(project, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(Path.Combine(project, path)))));
    }

    /// <summary>Test sources given as text (the scan's own tests), analysed against the package's analyzers.</summary>
    public static NegativeTestScan Parse(IEnumerable<(string Path, string Text)> sources)
    {
        var files = sources.Select(s => (s.Path, CSharpSyntaxTree.ParseText(s.Text).GetRoot())).ToList();
        var analyzerRules = Repository.Analyzers.ToDictionary(
            a => a.GetType().Name,
            a => (IReadOnlyCollection<string>)a.SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new NegativeTestScan(files, analyzerRules);
    }

    /// <summary>Every negative test of every rule, in source order.</summary>
    public IReadOnlyList<NegativeTest> NegativeTests()
    {
        var found = new List<NegativeTest>();
        foreach (var (path, root) in _files)
        {
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsTestMethod))
            {
                var rules = RulesOf(method);
                if (rules.Count == 0)
                {
                    continue;
                }

                foreach (var statement in Statements(method))
                {
                    var line = statement.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    foreach (var (rule, how) in VerifierNegatives(statement, rules).Concat(AssertedNegatives(statement, rules)))
                    {
                        found.Add(new NegativeTest(rule, method.Identifier.ValueText, path, line, how));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A verifier run in <paramref name="statement"/> whose analyzer supports a tagged rule and whose inputs do not expect it.</summary>
    private IEnumerable<(string Rule, string How)> VerifierNegatives(SyntaxNode statement, IReadOnlyCollection<string> rules)
    {
        if (!RunsAVerifier(statement))
        {
            yield break;
        }

        var inputs = Closure(statement);
        var analyzers = inputs.Nodes
            .SelectMany(n => n.DescendantNodesAndSelf().OfType<GenericNameSyntax>())
            .Where(g => g.Identifier.ValueText == "ReadinessTest" && g.TypeArgumentList.Arguments.Count > 0)
            .Select(g => RightmostName(g.TypeArgumentList.Arguments[0]))
            .Where(name => name is not null && _analyzerRules.ContainsKey(name))
            .Select(name => name!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var supported = analyzers.SelectMany(a => _analyzerRules[a]).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules.Where(supported.Contains))
        {
            if (!MayExpect(inputs, rule, singleRule: supported.Count == 1))
            {
                yield return (rule, "verifier (" + string.Join(", ", analyzers) + ") without " + rule + " markup or expectation");
            }
        }
    }

    /// <summary>
    /// <c>Assert.Empty(d)</c> or <c>Assert.Empty</c>/<c>Assert.DoesNotContain</c> filtered by an ID prefix, where <c>d</c> is a
    /// local holding the diagnostics of a <see cref="CompilationRunner"/> run.
    /// </summary>
    private IEnumerable<(string Rule, string How)> AssertedNegatives(SyntaxNode statement, IReadOnlyCollection<string> rules)
    {
        if (statement is not ExpressionStatementSyntax
            {
                Expression: InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Assert" } } assertion,
                    ArgumentList.Arguments: { Count: > 0 } arguments,
                },
            }
            || assertion.Name.Identifier.ValueText is not ("Empty" or "DoesNotContain"))
        {
            yield break;
        }

        var subject = arguments[0].Expression;
        if (Leftmost(subject) is not IdentifierNameSyntax local)
        {
            yield break;
        }

        var declarator = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>()?.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(d => d.Identifier.ValueText == local.Identifier.ValueText);
        var run = declarator?.Initializer?.Value is AwaitExpressionSyntax awaited ? awaited.Expression : declarator?.Initializer?.Value;
        if (run is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax runCall }
            || runCall.Name.Identifier.ValueText is not ("RunAsync" or "RunOnDocumentAsync"))
        {
            yield break;
        }

        var inputs = Closure(declarator!);
        if (!inputs.Nodes.Any(n => n.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == nameof(CompilationRunner))))
        {
            yield break;
        }

        var analyzers = inputs.Nodes
            .SelectMany(n => n.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>())
            .Select(c => c is ObjectCreationExpressionSyntax creation ? RightmostName(creation.Type) : null)
            .Where(name => name is not null && _analyzerRules.ContainsKey(name))
            .Select(name => name!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var supported = analyzers.SelectMany(a => _analyzerRules[a]).ToHashSet(StringComparer.Ordinal);
        var prefixes = statement.DescendantTokens()
            .Where(IsStringToken)
            .Select(t => t.ValueText)
            .Where(text => text.StartsWith("RDY", StringComparison.Ordinal))
            .ToList();
        var everything = assertion.Name.Identifier.ValueText == "Empty" && subject is IdentifierNameSyntax;
        foreach (var rule in rules.Where(supported.Contains))
        {
            if (everything || prefixes.Any(p => rule.StartsWith(p, StringComparison.Ordinal)))
            {
                yield return (rule, "Assert." + assertion.Name.Identifier.ValueText + " on the diagnostics of " + string.Join(", ", analyzers));
            }
        }
    }

    /// <summary>
    /// Markup whose ID is not written out (<c>"{|" + id + ":"</c>, <c>{|{{id}}:</c>): it may be any rule's. Location markup
    /// (<c>{|#0:</c>) and markup with another ID (<c>{|CS0246:</c>, <c>{|RDY1002:</c>) are not.
    /// </summary>
    private static readonly Regex OpenMarkup = new(@"\{\|(?!#|[A-Za-z]+[0-9]+:)", RegexOptions.CultureInvariant);

    /// <summary>Whether the inputs may expect <paramref name="rule"/>: markup, an expected diagnostic, or its ID.</summary>
    private static bool MayExpect(Inputs inputs, string rule, bool singleRule)
    {
        if (inputs.Evaluated.Any(e => IsMarkup(e.Value, e.Value)))
        {
            return true;
        }

        foreach (var token in inputs.Nodes.SelectMany(n => n.DescendantTokens()).Where(t => !inputs.Evaluated.Any(e => e.Expression.SyntaxTree == t.SyntaxTree && e.Expression.Span.Contains(t.Span))))
        {
            if (IsStringToken(token))
            {
                if (IsMarkup(token.Text, token.ValueText) || token.ValueText == rule)
                {
                    return true;
                }
            }
            else if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.StartsWith(rule + "_", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;

        bool IsMarkup(string text, string value)
            => text.Contains("{|" + rule + ":", StringComparison.Ordinal)
                || value.Contains("{|" + rule + ":", StringComparison.Ordinal)
                || OpenMarkup.IsMatch(text)
                || (singleRule && text.Contains("[|", StringComparison.Ordinal));
    }

    /// <summary>Whether the statement runs a verifier: it calls <c>RunAsync</c>, or a helper of the test class that does.</summary>
    private bool RunsAVerifier(SyntaxNode statement)
    {
        foreach (var invocation in statement.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RunAsync" }:
                    return true;
                case IdentifierNameSyntax helper when MembersNamed(helper, helper.Identifier.ValueText)
                    .Any(m => m.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(a => a.Name.Identifier.ValueText == "RunAsync")):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The statement and everything it names, transitively (see the class summary). A <c>Replace</c> chain whose value is
    /// known (<c>Controller.Replace("{|RDY2001:", string.Empty)</c>) is kept as its value: the names in it are not followed.
    /// </summary>
    private Inputs Closure(SyntaxNode start)
    {
        var seen = new HashSet<SyntaxNode>();
        var evaluated = new List<(ExpressionSyntax Expression, string Value)>();
        var queue = new Queue<SyntaxNode>();
        Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            var known = new List<ExpressionSyntax>();
            foreach (var chain in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Where(IsOutermostReplace))
            {
                if (Evaluate(chain, 0) is { } value)
                {
                    evaluated.Add((chain, value));
                    known.Add(chain);
                }
            }

            foreach (var name in node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Where(n => !known.Any(k => k.Span.Contains(n.Span))))
            {
                foreach (var target in Resolve(name))
                {
                    Enqueue(target);
                }
            }
        }

        return new Inputs(seen.ToList(), evaluated);

        void Enqueue(SyntaxNode node)
        {
            if (seen.Add(node))
            {
                queue.Enqueue(node);
            }
        }
    }

    private static bool IsReplace(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" };

    /// <summary>A <c>….Replace(…)</c> call that is not the receiver of another one.</summary>
    private static bool IsOutermostReplace(InvocationExpressionSyntax invocation)
        => IsReplace(invocation)
            && !(invocation.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } && IsReplace(outer));

    /// <summary>
    /// The value of a string expression the test sources build from constants: literals, constants and locals initialized
    /// once, <c>+</c>, <c>string.Empty</c> and <c>Replace</c>; null when it depends on anything else.
    /// </summary>
    private string? Evaluate(ExpressionSyntax expression, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax):
                return string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(c => c.TextToken.ValueText));
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Evaluate(binary.Left, depth + 1) is { } left && Evaluate(binary.Right, depth + 1) is { } right ? left + right : null;
            case MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax, Name.Identifier.ValueText: "Empty" }:
                return string.Empty;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" } access, ArgumentList.Arguments: var arguments }
                when arguments.Count is 2 or 3:
                return Evaluate(access.Expression, depth + 1) is { } text
                    && Evaluate(arguments[0].Expression, depth + 1) is { Length: > 0 } oldValue
                    && Evaluate(arguments[1].Expression, depth + 1) is { } newValue
                        ? text.Replace(oldValue, newValue, StringComparison.Ordinal)
                        : null;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var targets = Resolve((SimpleNameSyntax)(expression is MemberAccessExpressionSyntax member ? member.Name : expression)).ToList();
                return targets is [VariableDeclaratorSyntax { Initializer.Value: var value } declarator] && !IsReassigned(declarator)
                    ? Evaluate(value, depth + 1)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Whether a local is assigned again after its declaration (fields are judged by their initializer).</summary>
    private static bool IsReassigned(VariableDeclaratorSyntax declarator)
        => declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member
            && member is not FieldDeclarationSyntax
            && member.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == declarator.Identifier.ValueText);

    /// <summary>What a name in a test source refers to: a local, a parameter's test data, or a member of a test class.</summary>
    private IEnumerable<SyntaxNode> Resolve(SimpleNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            // Type.Member of a test source's class (HealthSources.StartupProgram); instance members are not followed.
            return access.Expression is IdentifierNameSyntax type && _types.TryGetValue(type.Identifier.ValueText, out var declarations)
                ? declarations.SelectMany(d => Members(d, text))
                : Enumerable.Empty<SyntaxNode>();
        }

        if (name.Parent is MemberBindingExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
            || name.Parent is NameEqualsSyntax or NameColonSyntax)
        {
            return Enumerable.Empty<SyntaxNode>();
        }

        var found = new List<SyntaxNode>();
        var member = name.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax);
        if (member is not null)
        {
            found.AddRange(Locals(member, text));
            if (member is MethodDeclarationSyntax method && IsTestMethod(method) && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == text))
            {
                found.AddRange(TestData(method));
            }
        }

        found.AddRange(MembersNamed(name, text));
        return found;
    }

    /// <summary>A local's declaration, its assignments and the statements that start from it (<c>test.TestState.Sources.Add(…)</c>).</summary>
    private static IEnumerable<SyntaxNode> Locals(MemberDeclarationSyntax member, string name)
    {
        var declared = member.DescendantNodes().Any(node => node switch
        {
            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText == name,
            ForEachStatementSyntax loop => loop.Identifier.ValueText == name,
            SingleVariableDesignationSyntax designation => designation.Identifier.ValueText == name,
            ParameterSyntax parameter => parameter.Identifier.ValueText == name,
            LocalFunctionStatementSyntax function => function.Identifier.ValueText == name,
            _ => false,
        });
        if (!declared)
        {
            yield break;
        }

        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name:
                    yield return declarator;
                    break;
                case ForEachStatementSyntax loop when loop.Identifier.ValueText == name:
                    yield return loop.Expression;
                    break;
                case ForEachVariableStatementSyntax loop when loop.Variable.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>().Any(v => v.Identifier.ValueText == name):
                    yield return loop.Expression;
                    break;
                case LocalFunctionStatementSyntax function when function.Identifier.ValueText == name:
                    yield return function;
                    break;
                case ExpressionStatementSyntax statement when Leftmost(statement.Expression) is IdentifierNameSyntax root && root.Identifier.ValueText == name:
                    yield return statement;
                    break;
            }
        }
    }

    /// <summary>The data of a theory: its <c>[InlineData]</c> arguments and the members its <c>[MemberData]</c> names.</summary>
    private IEnumerable<SyntaxNode> TestData(MethodDeclarationSyntax method)
    {
        foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes))
        {
            switch (RightmostName(attribute.Name))
            {
                case "InlineData" or "InlineDataAttribute" when attribute.ArgumentList is not null:
                    yield return attribute.ArgumentList;
                    break;
                case "MemberData" or "MemberDataAttribute" when attribute.ArgumentList is { Arguments.Count: > 0 } arguments:
                    var memberName = arguments.Arguments[0].Expression switch
                    {
                        InvocationExpressionSyntax { ArgumentList.Arguments: [var argument] } => RightmostName(argument.Expression),
                        LiteralExpressionSyntax literal => literal.Token.ValueText,
                        _ => null,
                    };
                    var typeName = arguments.Arguments
                        .Where(a => a.NameEquals?.Name.Identifier.ValueText == "MemberType")
                        .Select(a => a.Expression is TypeOfExpressionSyntax typeOf ? RightmostName(typeOf.Type) : null)
                        .FirstOrDefault() ?? method.FirstAncestorOrSelf<TypeDeclarationSyntax>()!.Identifier.ValueText;
                    if (memberName is not null && _types.TryGetValue(typeName, out var declarations))
                    {
                        foreach (var node in declarations.SelectMany(d => Members(d, memberName)))
                        {
                            yield return node;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The members named <paramref name="name"/> of the classes around <paramref name="node"/> (all their partial declarations).</summary>
    private IEnumerable<SyntaxNode> MembersNamed(SyntaxNode node, string name)
        => node.Ancestors().OfType<TypeDeclarationSyntax>()
            .SelectMany(t => _types.TryGetValue(t.Identifier.ValueText, out var declarations) ? declarations : new List<TypeDeclarationSyntax> { t })
            .Distinct()
            .SelectMany(t => Members(t, name));

    /// <summary>A member's code without its attributes: a field's or property's initializer, a method's signature and body.</summary>
    private static IEnumerable<SyntaxNode> Members(TypeDeclarationSyntax type, string name)
    {
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var declarator in field.Declaration.Variables.Where(v => v.Identifier.ValueText == name))
                    {
                        yield return declarator;
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    if (property.Initializer is not null)
                    {
                        yield return property.Initializer;
                    }

                    if (property.ExpressionBody is not null)
                    {
                        yield return property.ExpressionBody;
                    }

                    if (property.AccessorList is not null)
                    {
                        yield return property.AccessorList;
                    }

                    break;
                case MethodDeclarationSyntax method when method.Identifier.ValueText == name && !IsTestMethod(method):
                    yield return method.ReturnType;
                    yield return method.ParameterList;
                    if (method.Body is not null)
                    {
                        yield return method.Body;
                    }

                    if (method.ExpressionBody is not null)
                    {
                        yield return method.ExpressionBody;
                    }

                    break;
            }
        }
    }

    /// <summary>The rules a test method is tagged with: <c>[Trait("Rule", …)]</c> on it or on a class around it.</summary>
    private IReadOnlyCollection<string> RulesOf(MethodDeclarationSyntax method)
    {
        var attributes = method.AttributeLists.SelectMany(l => l.Attributes)
            .Concat(method.Ancestors().OfType<TypeDeclarationSyntax>()
                .SelectMany(t => _types.TryGetValue(t.Identifier.ValueText, out var declarations) ? declarations : new List<TypeDeclarationSyntax> { t })
                .Distinct()
                .SelectMany(t => t.AttributeLists.SelectMany(l => l.Attributes)));
        return attributes
            .Where(a => RightmostName(a.Name) is "Trait" or "TraitAttribute"
                && a.ArgumentList is { Arguments.Count: 2 } arguments
                && arguments.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "Rule" })
            .Select(a => a.ArgumentList!.Arguments[1].Expression)
            .OfType<LiteralExpressionSyntax>()
            .Select(l => l.Token.ValueText)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The statements of a test method, one verification each at most (an expression-bodied method is one).</summary>
    private static IEnumerable<SyntaxNode> Statements(MethodDeclarationSyntax method)
        => method.ExpressionBody is { } body
            ? new SyntaxNode[] { body.Expression }
            : method.Body!.DescendantNodes().Where(n => n is ExpressionStatementSyntax or LocalDeclarationStatementSyntax);

    private static bool IsTestMethod(MethodDeclarationSyntax method)
        => method.AttributeLists.SelectMany(l => l.Attributes)
            .Any(a => RightmostName(a.Name) is "Fact" or "FactAttribute" or "Theory" or "TheoryAttribute");

    private static bool IsStringToken(SyntaxToken token)
        => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringTextToken;

    /// <summary>The name an expression starts from: <c>test</c> in <c>test.TestState.Sources.Add(…)</c>, <c>x</c> in <c>x = …</c>.</summary>
    private static ExpressionSyntax Leftmost(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    expression = invocation.Expression;
                    break;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression;
                    break;
                case ConditionalAccessExpressionSyntax conditional:
                    expression = conditional.Expression;
                    break;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    break;
                case AssignmentExpressionSyntax assignment:
                    expression = assignment.Left;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    private static string? RightmostName(SyntaxNode node)
        => node switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
}
