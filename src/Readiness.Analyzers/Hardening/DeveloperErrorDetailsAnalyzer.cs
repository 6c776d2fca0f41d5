namespace Readiness.Analyzers.Hardening;

/// <summary>
/// RDY6001: <c>app.UseDeveloperExceptionPage()</c>, EF Core's <c>EnableSensitiveDataLogging()</c> and
/// <c>EnableDetailedErrors()</c> in start-up code that runs in Production: unconditionally, in the branch that runs outside
/// Development, or after an early return taken in Development (<see cref="EnvironmentGuards"/>). Code under a condition
/// the rule cannot read (a configuration flag) and helper methods whose callers may guard them stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeveloperErrorDetailsAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY6001_DeveloperErrorDetailsOutsideDevelopment);

    protected override RuleScope Scope => RuleScope.WebApps;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var exceptionPage = environment.Types.Get("Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions");
        var dbContextOptions = environment.Types.Get("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
        if (exceptionPage is null && dbContextOptions is null)
        {
            return;
        }

        start.RegisterInvocationSymbolAction(
            static name => name is "UseDeveloperExceptionPage" or "EnableSensitiveDataLogging" or "EnableDetailedErrors",
            context => environment.Applies(context.Node.SyntaxTree, context.CancellationToken),
            context =>
            {
                var method = context.Method.ReducedFrom ?? context.Method;
                string what;
                if (method.Name == "UseDeveloperExceptionPage" && WellKnownTypeProvider.Is(method.ContainingType, exceptionPage))
                {
                    what = "shows stack traces, source code, headers and cookies to every client";
                }
                else if (method.Name is "EnableSensitiveDataLogging" or "EnableDetailedErrors"
                    && WellKnownTypeProvider.DerivesFrom(method.ContainingType, dbContextOptions)
                    && TurnsOn(context.Syntax, context.SemanticModel, context.CancellationToken))
                {
                    what = method.Name == "EnableSensitiveDataLogging"
                        ? "writes parameter values and entity data to logs and exception messages"
                        : "puts query details into exception messages";
                }
                else
                {
                    return;
                }

                if (!InStartupCode(context.Syntax) || !RunsInProduction(context.Syntax, context.SemanticModel, context.CancellationToken))
                {
                    return;
                }

                var name = context.Syntax.Expression is MemberAccessExpressionSyntax member ? member.Name : (SyntaxNode)context.Syntax.Expression;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY6001_DeveloperErrorDetailsOutsideDevelopment,
                    Location.Create(context.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(name.SpanStart, context.Syntax.Span.End)),
                    method.Name,
                    what));
            });
    }

    /// <summary><c>EnableSensitiveDataLogging()</c> or <c>(true)</c>; a computed argument (<c>(builder.Environment.IsDevelopment())</c>) decides for itself.</summary>
    private static bool TurnsOn(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        => invocation.ArgumentList.Arguments.Count == 0
            || model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: true };

    /// <summary>
    /// Top-level statements, <c>Main</c>, a <c>Startup</c> class's <c>Configure</c>/<c>ConfigureServices</c>, a DbContext's
    /// <c>OnConfiguring</c> — code whose environment checks are in sight. In any other method the caller may guard the call.
    /// </summary>
    private static bool InStartupCode(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax:
                    return true;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText is "Main" or "Configure" or "ConfigureServices" or "OnConfiguring";
                case LocalFunctionStatementSyntax:
                case BaseTypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Production-only, or unguarded with no condition around it at all: a condition the guard classifier cannot read
    /// (<c>if (options.ShowErrors)</c>) may be the team's own environment switch, and a false alarm costs more than a miss.
    /// </summary>
    private static bool RunsInProduction(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        switch (EnvironmentGuards.Of(invocation, model, cancellationToken))
        {
            case EnvironmentGuard.ProductionOnly:
                return true;
            case EnvironmentGuard.DevelopmentOnly:
                return false;
        }

        for (var current = invocation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IfStatementSyntax:
                case ElseClauseSyntax:
                case ConditionalExpressionSyntax:
                case SwitchSectionSyntax:
                case SwitchExpressionArmSyntax:
                case CatchClauseSyntax:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.CoalesceExpression }:
                case ConditionalAccessExpressionSyntax:
                    return false;
                case GlobalStatementSyntax:
                case MemberDeclarationSyntax:
                    return !FollowsAnEarlyExit(invocation, current);
            }
        }

        return true;
    }

    /// <summary>Whether a statement before the call, in its member, can leave it (<c>if (flag) return;</c>): then the call is conditional too.</summary>
    private static bool FollowsAnEarlyExit(SyntaxNode call, SyntaxNode member)
    {
        var root = member is GlobalStatementSyntax ? member.Parent! : member;
        foreach (var node in root.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node.SpanStart >= call.SpanStart)
            {
                break;
            }

            if (node is ReturnStatementSyntax or ThrowStatementSyntax && node.FirstAncestorOrSelf<IfStatementSyntax>() is { } @if && @if.Span.End <= call.SpanStart)
            {
                return true;
            }
        }

        return false;
    }
}
