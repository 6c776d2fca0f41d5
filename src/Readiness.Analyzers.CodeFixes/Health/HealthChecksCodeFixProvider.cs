using System.Composition;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Common;
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
        var editor = await StartupEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor is null || !Plan(editor, diagnostic, document.Project.AnalyzerOptions, cancellationToken))
        {
            return null;
        }

        var (title, key) = diagnostic.Id switch
        {
            RuleIds.RDY3001_NoHealthChecks => ("Add and map health checks", RDY3001_AddAndMapHealthChecksEquivalenceKey),
            RuleIds.RDY3002_HealthChecksNotExposed => ("Map health checks", RDY3002_MapHealthChecksEquivalenceKey),
            _ => ("Register health checks with AddHealthChecks()", RDY3003_AddHealthChecksEquivalenceKey),
        };
        return ReadinessCodeFix.Create(title, key, (_, _) => editor.ApplyAsync());
    }

    /// <summary>
    /// Plans what the diagnostic misses, at the host it was reported on (the host-creating call, or
    /// <c>ConfigureServices</c>): the registration, and the mapping (in <c>UseEndpoints</c>, else <c>UseHealthChecks</c>
    /// first in <c>Configure</c>: without endpoint routing the probes are answered before HTTPS redirection and authentication).
    /// </summary>
    private static bool Plan(StartupEditor editor, Diagnostic diagnostic, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var anchor = editor.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (diagnostic.Id is RuleIds.RDY3001_NoHealthChecks or RuleIds.RDY3003_HealthChecksNotRegistered)
        {
            var registration = StartupCall.Of("AddHealthChecks", DependencyInjectionNamespace);
            foreach (var context in RegisteredDbContexts(editor.Model, options, cancellationToken))
            {
                registration.Then("AddDbContextCheck", SyntaxFactory.ParseTypeName(context.ToMinimalDisplayString(editor.Model, anchor.SpanStart)));
            }

            if (!editor.AddServiceRegistration(registration, anchor))
            {
                return false;
            }
        }

        if (diagnostic.Id is RuleIds.RDY3003_HealthChecksNotRegistered)
        {
            return true;
        }

        var mappings = Mappings(ReadPaths(diagnostic), "MapHealthChecks");
        if (mappings.All(mapping => editor.AddEndpoint(mapping, anchor)))
        {
            return true;
        }

        // Minimal hosting without app.Run() has no place for an endpoint; a Startup class without UseEndpoints answers first.
        return anchor is not InvocationExpressionSyntax
            && Mappings(ReadPaths(diagnostic), "UseHealthChecks").All(mapping => editor.AddMiddlewareFirst(mapping, anchor));
    }

    /// <summary>One path: <c>MapHealthChecks("/health")</c>. Two: a liveness endpoint running no check, then a readiness endpoint running them all.</summary>
    private static StartupCall[] Mappings(ImmutableArray<string> paths, string method)
    {
        if (paths.Length != 2)
        {
            return new[] { StartupCall.Of(method, BuilderNamespace, StartupCall.Literal(paths[0])) };
        }

        // Parsed from a template: built with SyntaxFactory, the initializer would not keep this one-line layout.
        var liveness = SyntaxFactory.ParseExpression("new HealthCheckOptions { Predicate = _ => false }");
        return new[]
        {
            StartupCall.Of(method, BuilderNamespace, StartupCall.Literal(paths[0]), liveness)
                .Naming("HealthCheckOptions", HealthChecksOptionsNamespace + ".HealthCheckOptions", HealthChecksOptionsNamespace),
            StartupCall.Of(method, BuilderNamespace, StartupCall.Literal(paths[1])),
        };
    }

    /// <summary>The DbContexts the app registers, when <c>AddDbContextCheck</c> (Microsoft.Extensions.Diagnostics.HealthChecks.EntityFrameworkCore) is referenced.</summary>
    private static ImmutableArray<ITypeSymbol> RegisteredDbContexts(SemanticModel model, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        if (WellKnownTypeProvider.For(compilation).Get("Microsoft.Extensions.DependencyInjection.EntityFrameworkCoreHealthChecksBuilderExtensions") is null)
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
