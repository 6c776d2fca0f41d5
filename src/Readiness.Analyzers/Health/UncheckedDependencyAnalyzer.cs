using Microsoft.CodeAnalysis.Text;

namespace Readiness.Analyzers.Health;

/// <summary>
/// RDY3005: the web app registers a database or cache (<c>AddDbContext&lt;T&gt;</c>, <c>AddStackExchangeRedisCache</c>,
/// an <c>IConnectionMultiplexer</c>, <c>AddNpgsqlDataSource</c>, or a registration named in
/// <c>readiness.health.dependency_registrations</c>) and registers health checks, but no check covers that dependency.
/// Reported on the registration, per document. Only when health checks are registered (else RDY3001/RDY3003 speak).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UncheckedDependencyAnalyzer : ReadinessAnalyzer
{
    /// <summary>Diagnostic property: the DbContext type name when the dependency is one (used by the fix).</summary>
    public const string ContextTypeProperty = "ContextType";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY3005_DependencyWithoutHealthCheck);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        HealthFacts.RegisterStartupAction(start, environment, (context, facts) =>
        {
            var tree = context.SemanticModel.SyntaxTree;
            if (facts.Registrations.IsEmpty)
            {
                return;
            }

            var extras = context.Options.Get(ReadinessOptions.HealthDependencyRegistrations, tree);
            var dependencies = Dependency.In(facts, tree, extras, context.CancellationToken);
            if (dependencies.IsEmpty)
            {
                return;
            }

            var coverage = facts.Coverage(context.CancellationToken);
            foreach (var dependency in dependencies)
            {
                if (coverage.Covers(dependency))
                {
                    continue;
                }

                var properties = dependency.ContextType is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(ContextTypeProperty, dependency.ContextType.Name);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY3005_DependencyWithoutHealthCheck,
                    NameToEnd(dependency.Call.Location, context.CancellationToken),
                    properties,
                    dependency.Display,
                    dependency.SuggestedCheck));
            }
        });
    }

    /// <summary><c>AddDbContext&lt;AppDb&gt;(…)</c> rather than the whole <c>builder.Services.AddDbContext…</c> chain.</summary>
    private static Location NameToEnd(Location location, System.Threading.CancellationToken cancellationToken)
    {
        var tree = location.SourceTree;
        if (tree is null)
        {
            return location;
        }

        var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return Location.Create(tree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        return location;
    }
}
