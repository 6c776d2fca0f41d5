using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.CodeFixes.Common;
using Readiness.Analyzers.Health;

namespace Readiness.Analyzers.CodeFixes.Health;

/// <summary>
/// RDY3001/RDY3002/RDY3003: adds what is missing of <c>builder.Services.AddHealthChecks()</c> (before <c>builder.Build()</c>,
/// with <c>.AddDbContextCheck&lt;T&gt;()</c> for each registered DbContext when that package is referenced) and
/// <c>app.MapHealthChecks("/health")</c> (before <c>app.Run()</c>); in a <c>Startup</c> class, at the end of
/// <c>ConfigureServices</c> and in <c>UseEndpoints</c> (or <c>app.UseHealthChecks</c> first in <c>Configure</c>).
/// Offered only when every edit it needs has a certain place.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HealthChecksCodeFixProvider))]
[Shared]
public sealed class HealthChecksCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY3001_AddAndMapHealthChecksEquivalenceKey = RuleIds.RDY3001_NoHealthChecks + "_AddAndMapHealthChecks";
    public const string RDY3002_MapHealthChecksEquivalenceKey = RuleIds.RDY3002_HealthChecksNotExposed + "_MapHealthChecks";
    public const string RDY3003_AddHealthChecksEquivalenceKey = RuleIds.RDY3003_HealthChecksNotRegistered + "_AddHealthChecks";

    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";
    private const string BuilderNamespace = "Microsoft.AspNetCore.Builder";
    private const string HealthChecksOptionsNamespace = "Microsoft.AspNetCore.Diagnostics.HealthChecks";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RDY3001_NoHealthChecks,
        RuleIds.RDY3002_HealthChecksNotExposed,
        RuleIds.RDY3003_HealthChecksNotRegistered);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null
            || Plan(root, model, diagnostic, document.Project.AnalyzerOptions, cancellationToken) is not { } edit)
        {
            return null;
        }

        var (title, key) = diagnostic.Id switch
        {
            RuleIds.RDY3001_NoHealthChecks => ("Add and map health checks", RDY3001_AddAndMapHealthChecksEquivalenceKey),
            RuleIds.RDY3002_HealthChecksNotExposed => ("Map health checks", RDY3002_MapHealthChecksEquivalenceKey),
            _ => ("Register health checks with AddHealthChecks()", RDY3003_AddHealthChecksEquivalenceKey),
        };
        return ReadinessCodeFix.Create(title, key, (fixing, token) => ApplyAsync(fixing, unit, edit, token));
    }

    /// <summary>The statements to insert for one diagnostic, each before (or, for a block's end, inside) a node of the original tree.</summary>
    private sealed class Edit
    {
        public List<(SyntaxNode Before, StatementSyntax Statement)> InsertBefore { get; } = new();
        public List<(BlockSyntax Block, StatementSyntax Statement)> Append { get; } = new();
        public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);
    }

    private static async Task<Document> ApplyAsync(Document document, CompilationUnitSyntax root, Edit edit, CancellationToken cancellationToken)
    {
        var before = new Dictionary<SyntaxNode, List<StatementSyntax>>();
        foreach (var (node, statement) in edit.InsertBefore)
        {
            Add(before, node, statement);
        }

        var append = new Dictionary<BlockSyntax, List<StatementSyntax>>();
        foreach (var (block, statement) in edit.Append)
        {
            Add(append, block, statement);
        }

        // Mark the insertion targets and fill the blocks in one pass over the original tree, then insert before the marks.
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var target in before.Keys)
        {
            marks[target] = new SyntaxAnnotation("Readiness.HealthTarget");
        }

        var newRoot = root.ReplaceNodes(
            before.Keys.Concat(append.Keys).Distinct(),
            (original, rewritten) =>
            {
                if (original is BlockSyntax originalBlock && rewritten is BlockSyntax block && append.TryGetValue(originalBlock, out var tail))
                {
                    rewritten = AppendToBlock(block, tail);
                }

                return marks.TryGetValue(original, out var mark) ? rewritten.WithAdditionalAnnotations(mark) : rewritten;
            });

        foreach (var pair in before)
        {
            var target = newRoot.GetAnnotatedNodes(marks[pair.Key]).FirstOrDefault();
            if (target is null)
            {
                continue;
            }

            var nodes = pair.Value.Select(s => target is GlobalStatementSyntax ? (SyntaxNode)SyntaxFactory.GlobalStatement(s).WithAdditionalAnnotations(Formatter.Annotation) : s).ToList();
            newRoot = newRoot.InsertNodesBefore(target, nodes);
        }

        var changed = document.WithSyntaxRoot(Imports.Ensure(newRoot, edit.Namespaces));
        var options = changed.Project.Solution.Options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, EndOfLine.Of(root).ToString());
        return await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    private static void Add<TKey>(Dictionary<TKey, List<StatementSyntax>> map, TKey key, StatementSyntax statement)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<StatementSyntax>();
        }

        list.Add(statement);
    }

    private static BlockSyntax AppendToBlock(BlockSyntax block, List<StatementSyntax> statements)
    {
        var list = block.Statements;
        var index = list.Count;
        if (index > 0 && list[index - 1] is ReturnStatementSyntax)
        {
            index--;
        }

        return block.WithStatements(list.InsertRange(index, statements));
    }

    private static Edit? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions analyzerOptions, CancellationToken cancellationToken)
    {
        var register = diagnostic.Id is RuleIds.RDY3001_NoHealthChecks or RuleIds.RDY3003_HealthChecksNotRegistered;
        var map = diagnostic.Id is RuleIds.RDY3001_NoHealthChecks or RuleIds.RDY3002_HealthChecksNotExposed;
        var paths = ReadPaths(diagnostic);
        var endOfLine = EndOfLine.Of(root).ToString();
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var edit = new Edit();
        var contexts = register ? RegisteredDbContexts(model, analyzerOptions, cancellationToken) : ImmutableArray<ITypeSymbol>.Empty;

        if (node is InvocationExpressionSyntax creation)
        {
            return PlanMinimalHosting(creation, model, register, map, paths, contexts, endOfLine, edit, cancellationToken) ? edit : null;
        }

        var method = node.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method is not null && method.Identifier.ValueText == "ConfigureServices")
        {
            return PlanStartup(method, model, register, map, paths, contexts, endOfLine, edit, cancellationToken) ? edit : null;
        }

        return null;
    }

    private static bool PlanMinimalHosting(
        InvocationExpressionSyntax creation,
        SemanticModel model,
        bool register,
        bool map,
        ImmutableArray<string> paths,
        ImmutableArray<ITypeSymbol> contexts,
        string endOfLine,
        Edit edit,
        CancellationToken cancellationToken)
    {
        // var builder = WebApplication.CreateBuilder(args);
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax builderDeclarator }
            || builderDeclarator.Parent?.Parent is not LocalDeclarationStatementSyntax builderStatement)
        {
            return false;
        }

        var builderName = builderDeclarator.Identifier.ValueText;
        var statements = StatementsAfter(builderStatement);
        if (statements is null)
        {
            return false;
        }

        // var app = builder.Build();
        string? appName = null;
        StatementSyntax? buildStatement = null;
        StatementSyntax? runStatement = null;
        foreach (var statement in statements)
        {
            if (buildStatement is null)
            {
                if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables }
                    && variables[0].Initializer?.Value is InvocationExpressionSyntax build
                    && IsCallOn(build, builderName, "Build"))
                {
                    buildStatement = statement;
                    appName = variables[0].Identifier.ValueText;
                }

                continue;
            }

            // app.Run(); app.Run("http://…"); await app.RunAsync();
            var expression = (statement as ExpressionStatementSyntax)?.Expression;
            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
            }

            if (expression is InvocationExpressionSyntax run
                && (IsCallOn(run, appName!, "Run") || IsCallOn(run, appName!, "RunAsync")))
            {
                runStatement = statement;
                break;
            }
        }

        if (buildStatement is null || (map && runStatement is null))
        {
            return false;
        }

        if (register)
        {
            var registration = Registration(builderName + ".Services", contexts, model, buildStatement.SpanStart);
            edit.InsertBefore.Add((Outer(buildStatement), Statement(registration, endOfLine)));
            NeedNamespaceFor(edit, model, buildStatement.SpanStart, builderName + ".Services.AddHealthChecks()", DependencyInjectionNamespace);
        }

        if (map)
        {
            AddMappings(edit, appName + ".MapHealthChecks", paths, model, runStatement!, endOfLine, appName + ".MapHealthChecks(\"/\")");
        }

        return true;
    }

    private static bool PlanStartup(
        MethodDeclarationSyntax configureServices,
        SemanticModel model,
        bool register,
        bool map,
        ImmutableArray<string> paths,
        ImmutableArray<ITypeSymbol> contexts,
        string endOfLine,
        Edit edit,
        CancellationToken cancellationToken)
    {
        if (configureServices.Parent is not TypeDeclarationSyntax type)
        {
            return false;
        }

        if (register)
        {
            var services = configureServices.ParameterList.Parameters.FirstOrDefault(p => IsType(model, p, "Microsoft.Extensions.DependencyInjection.IServiceCollection", cancellationToken));
            if (services is null || configureServices.Body is null)
            {
                return false;
            }

            var body = configureServices.Body;
            var position = InsidePosition(body);
            var registration = Registration(services.Identifier.ValueText, contexts, model, position);
            edit.Append.Add((body, Statement(registration, endOfLine)));
            NeedNamespaceFor(edit, model, position, services.Identifier.ValueText + ".AddHealthChecks()", DependencyInjectionNamespace);
        }

        if (!map)
        {
            return true;
        }

        var configure = type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == "Configure" && m.Body is not null
            && m.ParameterList.Parameters.Any(p => IsType(model, p, "Microsoft.AspNetCore.Builder.IApplicationBuilder", cancellationToken)));
        if (configure?.Body is null)
        {
            return false;
        }

        // app.UseEndpoints(endpoints => { …; endpoints.MapHealthChecks("/health"); })
        foreach (var invocation in configure.Body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseEndpoints" }
                && invocation.ArgumentList.Arguments.Count == 1
                && invocation.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax { Block: { } block } lambda)
            {
                var endpoints = lambda.Parameter.Identifier.ValueText;
                var position = InsidePosition(block);
                foreach (var statement in MappingStatements(edit, endpoints + ".MapHealthChecks", paths, model, position, endOfLine, endpoints + ".MapHealthChecks(\"/\")"))
                {
                    edit.Append.Add((block, statement));
                }

                return true;
            }
        }

        // No endpoint routing: answer the probes first in the pipeline, before HTTPS redirection and authentication.
        var app = configure.ParameterList.Parameters.First(p => IsType(model, p, "Microsoft.AspNetCore.Builder.IApplicationBuilder", cancellationToken));
        var first = configure.Body.Statements.FirstOrDefault();
        var appName = app.Identifier.ValueText;
        if (first is null)
        {
            foreach (var statement in MappingStatements(edit, appName + ".UseHealthChecks", paths, model, InsidePosition(configure.Body), endOfLine, appName + ".UseHealthChecks(\"/\")"))
            {
                edit.Append.Add((configure.Body, statement));
            }

            return true;
        }

        AddMappings(edit, appName + ".UseHealthChecks", paths, model, first, endOfLine, appName + ".UseHealthChecks(\"/\")");
        return true;
    }

    /// <summary>A position where speculative binding sees the block's scope: its last statement, else just inside the brace.</summary>
    private static int InsidePosition(BlockSyntax block)
        => block.Statements.Count > 0 ? block.Statements[block.Statements.Count - 1].SpanStart : block.OpenBraceToken.Span.End;

    private static void AddMappings(Edit edit, string call, ImmutableArray<string> paths, SemanticModel model, StatementSyntax before, string endOfLine, string probe)
    {
        foreach (var statement in MappingStatements(edit, call, paths, model, before.SpanStart, endOfLine, probe))
        {
            edit.InsertBefore.Add((Outer(before), statement));
        }
    }

    /// <summary>One path: <c>MapHealthChecks("/health")</c>. Two: a liveness endpoint running no check, then a readiness endpoint running them all.</summary>
    private static IEnumerable<StatementSyntax> MappingStatements(Edit edit, string call, ImmutableArray<string> paths, SemanticModel model, int position, string endOfLine, string probe)
    {
        NeedNamespaceFor(edit, model, position, probe, BuilderNamespace);
        if (paths.Length == 2)
        {
            if (model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName("HealthCheckOptions"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type is null or IErrorTypeSymbol)
            {
                edit.Namespaces.Add(HealthChecksOptionsNamespace);
            }

            yield return Statement(call + "(" + Literal(paths[0]) + ", new HealthCheckOptions { Predicate = _ => false })", endOfLine);
            yield return Statement(call + "(" + Literal(paths[1]) + ")", endOfLine);
        }
        else
        {
            yield return Statement(call + "(" + Literal(paths[0]) + ")", endOfLine);
        }
    }

    private static string Registration(string services, ImmutableArray<ITypeSymbol> contexts, SemanticModel model, int position)
    {
        var text = services + ".AddHealthChecks()";
        foreach (var context in contexts)
        {
            text += ".AddDbContextCheck<" + context.ToMinimalDisplayString(model, position) + ">()";
        }

        return text;
    }

    /// <summary>The DbContexts the app registers, when <c>AddDbContextCheck</c> (Microsoft.Extensions.Diagnostics.HealthChecks.EntityFrameworkCore) is referenced.</summary>
    private static ImmutableArray<ITypeSymbol> RegisteredDbContexts(SemanticModel model, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        if (compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.EntityFrameworkCoreHealthChecksBuilderExtensions") is null)
        {
            return ImmutableArray<ITypeSymbol>.Empty;
        }

        var facts = HealthFacts.For(RuleEnvironment.For(compilation, options, RuleScope.WebApps), cancellationToken);
        if (facts is null)
        {
            return ImmutableArray<ITypeSymbol>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var dependency in Dependency.In(facts, tree, ImmutableArray<string>.Empty, cancellationToken))
            {
                if (dependency.ContextType is { } context
                    && context.DeclaredAccessibility != Accessibility.Private
                    && !builder.Contains(context, SymbolEqualityComparer.Default))
                {
                    builder.Add(context);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static void NeedNamespaceFor(Edit edit, SemanticModel model, int position, string probe, string @namespace)
    {
        var expression = SyntaxFactory.ParseExpression(probe);
        if (model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression) is { Symbol: null, CandidateSymbols.Length: 0 })
        {
            edit.Namespaces.Add(@namespace);
        }
    }

    private static bool IsType(SemanticModel model, ParameterSyntax parameter, string metadataName, CancellationToken cancellationToken)
        => model.GetDeclaredSymbol(parameter, cancellationToken)?.Type is { } type
            && SymbolEqualityComparer.Default.Equals(type, model.Compilation.GetTypeByMetadataName(metadataName));

    private static bool IsCallOn(InvocationExpressionSyntax invocation, string receiver, string name)
        => invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax identifier } member
            && identifier.Identifier.ValueText == receiver
            && member.Name.Identifier.ValueText == name;

    /// <summary>The statements after <paramref name="statement"/> in its block, or in the top-level statements.</summary>
    private static List<StatementSyntax>? StatementsAfter(StatementSyntax statement)
    {
        if (statement.Parent is BlockSyntax block)
        {
            return block.Statements.SkipWhile(s => s != statement).Skip(1).ToList();
        }

        if (statement.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
        {
            return unit.Members.SkipWhile(m => m != global).Skip(1).OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList();
        }

        return null;
    }

    /// <summary>A top-level statement is inserted next to its <c>GlobalStatementSyntax</c>.</summary>
    private static SyntaxNode Outer(StatementSyntax statement) => statement.Parent is GlobalStatementSyntax global ? global : statement;

    private static StatementSyntax Statement(string expression, string endOfLine)
        => SyntaxFactory.ExpressionStatement(SyntaxFactory.ParseExpression(expression))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static string Literal(string path)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(path)).ToString();

    private static ImmutableArray<string> ReadPaths(Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(MissingHealthChecksAnalyzer.PathsProperty, out var text) && text is not null
            && Readiness.Analyzers.Options.ReadinessOptions.ParsePaths(text, out var paths))
        {
            return paths;
        }

        return ImmutableArray.Create("/health");
    }
}
