using System.Composition;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Logging;

/// <summary>
/// RDY2001/RDY2002: rewrites a console, debug or trace write into a structured <c>ILogger</c> call, using the logger
/// in scope or injecting <c>ILogger&lt;TClass&gt;</c> into a class the container creates. No fix where none is safe.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseLoggerCodeFixProvider))]
[Shared]
public sealed class UseLoggerCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY2001_EquivalenceKey = RuleIds.RDY2001_ConsoleOutputInsteadOfLogger + "_UseILogger";
    public const string RDY2002_EquivalenceKey = RuleIds.RDY2002_DebugOrTraceOutputInsteadOfLogger + "_UseILogger";

    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RDY2001_ConsoleOutputInsteadOfLogger,
        RuleIds.RDY2002_DebugOrTraceOutputInsteadOfLogger);

    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var (root, model, plans) = await PlanAsync(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0 || root is not CompilationUnitSyntax unit || model is null)
        {
            return null;
        }

        return ReadinessCodeFix.Create(
            "Log with " + plans[0].Source.Expression.ToString() + "." + plans[0].Call.Level,
            diagnostic.Id == RuleIds.RDY2001_ConsoleOutputInsteadOfLogger ? RDY2001_EquivalenceKey : RDY2002_EquivalenceKey,
            (fixing, token) => ApplyAsync(fixing, unit, model, plans, token));
    }

    /// <summary>
    /// Every write of the document planned on the document as it is and replaced in one edit, instead of the base's one
    /// fix after another: each fix needs the bound method it edits, and a method with a thousand writes re-bound after each
    /// of a thousand edits makes Fix All quadratic (FixAllScaleTests: minutes instead of seconds). The plans cannot collide:
    /// one injection per class, and a write nested in another's arguments is left for a second pass.
    /// </summary>
    protected override async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var (root, model, plans) = await PlanAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);
        return plans.Count == 0 || root is not CompilationUnitSyntax unit || model is null
            ? null
            : await ApplyAsync(document, unit, model, plans, context.CancellationToken).ConfigureAwait(false);
    }

    private sealed class Plan
    {
        public Plan(SyntaxNode replaced, LogCall call, LoggerSource source)
        {
            Replaced = replaced;
            Call = call;
            Source = source;
        }

        /// <summary>The invocation, or the <c>await</c> around an awaited <c>WriteLineAsync</c>.</summary>
        public SyntaxNode Replaced { get; }
        public LogCall Call { get; }
        public LoggerSource Source { get; }
    }

    private static async Task<Document> ApplyAsync(Document document, CompilationUnitSyntax root, SemanticModel model, List<Plan> plans, CancellationToken cancellationToken)
    {
        // One injection per class, whichever diagnostic asked first.
        var injections = new Dictionary<SyntaxNode, LoggerInjection>();
        foreach (var plan in plans)
        {
            if (plan.Source.Injection is { } injection && !injections.ContainsKey(injection.Declaration))
            {
                injections.Add(injection.Declaration, injection);
            }
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var plan in plans)
        {
            var receiver = plan.Source.Injection is { } injection
                ? SyntaxFactory.IdentifierName(injections[injection.Declaration].MemberName)
                : plan.Source.Expression;
            var call = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(plan.Call.Level)),
                    plan.Call.ToArgumentList())
                .WithTriviaFrom(plan.Replaced)
                .WithAdditionalAnnotations(Formatter.Annotation);
            replacements[plan.Replaced] = call;
        }

        // Replace the calls first (they sit inside the classes), then inject into each class.
        SyntaxNode newRoot = root.ReplaceNodes(
            replacements.Keys.Concat(injections.Keys),
            (original, rewritten) =>
            {
                if (injections.TryGetValue(original, out var injection) && rewritten is ClassDeclarationSyntax @class)
                {
                    return LoggerInjector.Inject(@class, injection);
                }

                return replacements.TryGetValue(original, out var replacement) ? replacement : rewritten;
            });

        if (NeedsLoggingUsing(model, plans))
        {
            newRoot = Imports.Ensure(newRoot, LoggingNamespace);
        }

        // Format only what the fix wrote, with the document's own line endings.
        var changed = document.WithSyntaxRoot(newRoot);
        var options = changed.Project.Solution.Options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, EndOfLine.Of(root).ToString());
        return await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(SyntaxNode? Root, SemanticModel? Model, List<Plan> Plans)> PlanAsync(
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var plans = new List<Plan>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var locator = model is null ? null : LoggerLocator.Create(model);
        if (root is null || model is null || locator is null)
        {
            return (root, model, plans);
        }

        var exceptionType = WellKnownTypeProvider.For(model.Compilation).Get("System.Exception");
        var claimed = new HashSet<TextSpan>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || invocation.Span != diagnostic.Location.SourceSpan
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                continue;
            }

            // Nested writes (a write inside another write's arguments) are left for a second pass.
            if (claimed.Any(span => span.Contains(invocation.Span) || invocation.Span.Contains(span)))
            {
                continue;
            }

            SyntaxNode replaced = invocation;
            if (operation.TargetMethod.Name.EndsWith("Async", System.StringComparison.Ordinal))
            {
                if (invocation.Parent is not AwaitExpressionSyntax awaitExpression)
                {
                    continue;
                }

                replaced = awaitExpression;
            }

            if (replaced.Parent is not ExpressionStatementSyntax and not ArrowExpressionClauseSyntax and not LambdaExpressionSyntax)
            {
                continue;
            }

            var level = LevelFor(operation, diagnostic.Id);
            var call = level is null ? null : LogCall.Create(operation, level, exceptionType, cancellationToken);
            if (call is null)
            {
                continue;
            }

            var source = await locator.FindAsync(invocation, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                continue;
            }

            claimed.Add(invocation.Span);
            plans.Add(new Plan(replaced, call, source));
        }

        return (root, model, plans);
    }

    /// <summary>Standard error becomes LogError; Trace levels keep their level; Debug becomes LogDebug.</summary>
    private static string? LevelFor(IInvocationOperation operation, string diagnosticId)
    {
        var method = operation.TargetMethod;
        if (diagnosticId == RuleIds.RDY2002_DebugOrTraceOutputInsteadOfLogger)
        {
            return method.ContainingType.Name switch
            {
                "Debug" => "LogDebug",
                "Trace" => method.Name switch
                {
                    "TraceError" => "LogError",
                    "TraceWarning" => "LogWarning",
                    _ => "LogInformation",
                },
                _ => null,
            };
        }

        return operation.Instance is IPropertyReferenceOperation { Property.Name: "Error" }
            || (operation.Instance is ILocalReferenceOperation && IsErrorWriterLocal(operation))
                ? "LogError"
                : "LogInformation";
    }

    private static bool IsErrorWriterLocal(IInvocationOperation operation)
    {
        var local = ((ILocalReferenceOperation)operation.Instance!).Local;
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Error" } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the <c>Log*</c> extension methods (and <c>ILogger&lt;T&gt;</c> for an injection) are out of scope without a using.</summary>
    private static bool NeedsLoggingUsing(SemanticModel model, List<Plan> plans)
    {
        var iLogger = WellKnownTypeProvider.For(model.Compilation).Get(LoggingNamespace + ".ILogger");
        if (iLogger is null)
        {
            return false;
        }

        foreach (var plan in plans)
        {
            var position = plan.Replaced.SpanStart;
            if (model.LookupSymbols(position, container: iLogger, name: plan.Call.Level, includeReducedExtensionMethods: true).IsEmpty)
            {
                return true;
            }

            if (plan.Source.Injection is not null
                && !model.LookupNamespacesAndTypes(position, name: "ILogger").Any(s => s is INamedTypeSymbol { Arity: 1 } t && t.ContainingNamespace.ToDisplayString() == LoggingNamespace))
            {
                return true;
            }
        }

        return false;
    }
}
