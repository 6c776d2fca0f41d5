using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// Where a middleware call goes in a pipeline: next to <see cref="Anchor"/>, a statement calling on the same application
/// builder. Found by <see cref="Find"/> from the middleware calls already present and <see cref="MiddlewareOrder"/>.
/// </summary>
internal sealed class MiddlewarePlace
{
    private MiddlewarePlace(StatementSyntax anchor, bool after, Middleware anchorMiddleware, string receiver, ITypeSymbol receiverType)
    {
        Anchor = anchor;
        After = after;
        AnchorMiddleware = anchorMiddleware;
        Receiver = receiver;
        ReceiverType = receiverType;
    }

    /// <summary>The statement next to which the call goes.</summary>
    public StatementSyntax Anchor { get; }

    /// <summary>After <see cref="Anchor"/> (a middleware that runs earlier), or before it (one that runs later).</summary>
    public bool After { get; }

    /// <summary>The middleware <see cref="Anchor"/> adds: the last of its calls when <see cref="After"/>, else the first.</summary>
    public Middleware AnchorMiddleware { get; }

    /// <summary>The application builder the pipeline calls on (<c>app</c>).</summary>
    public string Receiver { get; }

    public ITypeSymbol ReceiverType { get; }

    /// <summary>
    /// The place of <paramref name="middleware"/>: after the last call of an earlier (or the same) row of the order that
    /// precedes the first call of a later row, else before that later call; null when the pipeline has neither. The pipeline
    /// is the statement list (a block, or the top-level statements) of the first endpoint mapping in
    /// <paramref name="body"/> (the document when null), else of its first known middleware call; only statements calling
    /// on the same builder count, and an <c>if</c> counts with the calls of its branches. <paramref name="excluded"/> (a
    /// call being moved) does not count.
    /// </summary>
    public static MiddlewarePlace? Find(
        SyntaxNode root,
        SemanticModel model,
        Middleware middleware,
        SyntaxNode? body,
        StatementSyntax? excluded,
        CancellationToken cancellationToken)
    {
        var builderInterface = WellKnownTypeProvider.For(model.Compilation).Get("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        if (builderInterface is null)
        {
            return null;
        }

        var endpoints = MiddlewareOrder.RankOf(Middleware.Endpoints);
        Call? pipeline = null;
        foreach (var statement in (body ?? root).DescendantNodes().OfType<ExpressionStatementSyntax>())
        {
            if (statement == excluded || (body is not null && BodyOf(statement) != body)
                || Call.Of(statement, model, builderInterface, cancellationToken) is not { } call || call.First < 0)
            {
                continue;
            }

            if (call.Last == endpoints)
            {
                pipeline = call;
                break;
            }

            pipeline ??= call;
        }

        if (pipeline is null)
        {
            return null;
        }

        var calls = new List<(StatementSyntax Statement, int First, int Last)>();
        foreach (var sibling in SiblingStatements(pipeline.Statement))
        {
            if (sibling != excluded && Ranks(sibling, pipeline.Receiver, model, builderInterface, cancellationToken) is { } ranks)
            {
                calls.Add((sibling, ranks.First, ranks.Last));
            }
        }

        var rank = MiddlewareOrder.RankOf(middleware);
        var later = calls.FindIndex(c => c.First > rank);
        for (var i = (later < 0 ? calls.Count : later) - 1; i >= 0; i--)
        {
            if (calls[i].Last <= rank)
            {
                return new MiddlewarePlace(calls[i].Statement, after: true, MiddlewareOrder.At(calls[i].Last), pipeline.Receiver, pipeline.ReceiverType);
            }
        }

        return later >= 0
            ? new MiddlewarePlace(calls[later].Statement, after: false, MiddlewareOrder.At(calls[later].First), pipeline.Receiver, pipeline.ReceiverType)
            : null;
    }

    /// <summary>The block, or the compilation unit of top-level statements, that holds <paramref name="statement"/>.</summary>
    public static SyntaxNode? BodyOf(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;

    /// <summary>The statements of the block (or the top-level statements) that holds <paramref name="statement"/>, itself included.</summary>
    public static IEnumerable<StatementSyntax> SiblingStatements(StatementSyntax statement)
        => statement.Parent switch
        {
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement),
            BlockSyntax block => block.Statements,
            _ => Enumerable.Empty<StatementSyntax>(),
        };

    /// <summary>The first and last rows of the known calls of <paramref name="statement"/> on <paramref name="receiver"/> (an <c>if</c>: of its branches).</summary>
    private static (int First, int Last)? Ranks(StatementSyntax statement, string receiver, SemanticModel model, INamedTypeSymbol builderInterface, CancellationToken cancellationToken)
    {
        if (statement is ExpressionStatementSyntax expression)
        {
            return Call.Of(expression, model, builderInterface, cancellationToken) is { First: >= 0 } call && call.Receiver == receiver
                ? (call.First, call.Last)
                : null;
        }

        if (statement is not IfStatementSyntax)
        {
            return null;
        }

        (int First, int Last)? ranks = null;
        foreach (var branch in Branches(statement))
        {
            if (Ranks(branch, receiver, model, builderInterface, cancellationToken) is { } inner)
            {
                ranks = ranks is { } known ? (System.Math.Min(known.First, inner.First), System.Math.Max(known.Last, inner.Last)) : inner;
            }
        }

        return ranks;
    }

    private static IEnumerable<StatementSyntax> Branches(StatementSyntax statement)
    {
        for (var current = statement as IfStatementSyntax; current is not null; current = current.Else?.Statement as IfStatementSyntax)
        {
            foreach (var inner in current.Statement is BlockSyntax block ? block.Statements : (IEnumerable<StatementSyntax>)new[] { current.Statement })
            {
                yield return inner;
            }

            if (current.Else?.Statement is BlockSyntax elseBlock)
            {
                foreach (var inner in elseBlock.Statements)
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary><c>app.A().B();</c> where <c>app</c> is an identifier of an application builder type, with the rows of its known calls.</summary>
    private sealed class Call
    {
        private Call(ExpressionStatementSyntax statement, string receiver, ITypeSymbol receiverType, int first, int last)
        {
            Statement = statement;
            Receiver = receiver;
            ReceiverType = receiverType;
            First = first;
            Last = last;
        }

        public ExpressionStatementSyntax Statement { get; }

        public string Receiver { get; }

        public ITypeSymbol ReceiverType { get; }

        /// <summary>The earliest row of the chain's known calls, -1 when none is known.</summary>
        public int First { get; }

        /// <summary>The latest row of the chain's known calls, -1 when none is known.</summary>
        public int Last { get; }

        public static Call? Of(ExpressionStatementSyntax statement, SemanticModel model, INamedTypeSymbol builderInterface, CancellationToken cancellationToken)
        {
            int first = -1, last = -1;
            var current = statement.Expression;
            while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
            {
                var rank = MiddlewareOrder.RankOf(member.Name.Identifier.ValueText);
                if (rank >= 0)
                {
                    first = first < 0 ? rank : System.Math.Min(first, rank);
                    last = System.Math.Max(last, rank);
                }

                current = member.Expression;
            }

            if (current is not IdentifierNameSyntax identifier || current == statement.Expression
                || model.GetTypeInfo(identifier, cancellationToken).Type is not { } type
                || !WellKnownTypeProvider.Implements(type, builderInterface))
            {
                return null;
            }

            return new Call(statement, identifier.Identifier.ValueText, type, first, last);
        }
    }
}
