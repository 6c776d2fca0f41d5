using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>The development-only guard: <c>if (app.Environment.IsDevelopment()) { … }</c>.</summary>
internal sealed partial class StartupEditor
{
    private const string HostingNamespace = "Microsoft.Extensions.Hosting";
    private const string HostEnvironment = "Microsoft.Extensions.Hosting.IHostEnvironment";

    /// <summary>
    /// Makes <paramref name="statement"/> (in a block or the top-level statements) run only in Development. It moves into
    /// the nearest <c>if (….IsDevelopment()) { … }</c> of its statement list that no statement calling on the same receiver
    /// separates from it (at the end of that block when the guard comes before it, first in it when after), so the
    /// pipeline keeps its order; otherwise it is wrapped, in place, in <c>if (app.Environment.IsDevelopment()) { … }</c>
    /// (<c>builder.Environment</c>, or an <c>IWebHostEnvironment env</c> parameter of the enclosing method, in that order of
    /// preference after the receiver's own <c>Environment</c>). False when it already runs only in Development, or no
    /// environment is at hand.
    /// </summary>
    public bool GuardForDevelopment(StatementSyntax statement)
    {
        if (statement.Parent is not (BlockSyntax or GlobalStatementSyntax { Parent: CompilationUnitSyntax })
            || EnvironmentGuards.Of(statement, Model, _cancellationToken) == EnvironmentGuard.DevelopmentOnly)
        {
            return false;
        }

        var receiver = ReceiverOf(statement);
        if (ExistingGuard(statement, receiver?.Identifier.ValueText) is { } guard)
        {
            MoveInto(statement, guard.Block, guard.First);
            return true;
        }

        if (Environment(statement, receiver) is not { } environment)
        {
            return false;
        }

        var condition = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, environment.Expression, SyntaxFactory.IdentifierName("IsDevelopment")));
        if (!InScope.Method(Model, statement.SpanStart, environment.Type, "IsDevelopment"))
        {
            Import(HostingNamespace);
        }

        var inner = Lay(statement.WithoutLeadingTrivia(), IndentationAt(statement.SpanStart) + IndentUnit);
        var wrapped = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(inner))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        _editor.ReplaceNode(statement, wrapped);
        return true;
    }

    /// <summary>Whether <paramref name="statement"/> is <c>if (x.IsDevelopment()) { … }</c>, with its block.</summary>
    private static BlockSyntax? DevelopmentBlock(StatementSyntax statement)
        => statement is IfStatementSyntax
        {
            Condition: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsDevelopment" }, ArgumentList.Arguments.Count: 0 },
            Statement: BlockSyntax block,
        }
            ? block
            : null;

    /// <summary>
    /// The nearest development guard <paramref name="statement"/> can move into without passing a statement that calls on
    /// <paramref name="receiver"/> (with no receiver known, only an adjacent guard): its block, and whether the statement
    /// goes first in it (the guard comes after the statement). The guard before wins a tie.
    /// </summary>
    private static (BlockSyntax Block, bool First)? ExistingGuard(StatementSyntax statement, string? receiver)
    {
        var siblings = MiddlewarePlace.SiblingStatements(statement).ToList();
        var index = siblings.IndexOf(statement);
        (BlockSyntax Block, int Distance)? Nearest(int step)
        {
            for (var position = index + step; position >= 0 && position < siblings.Count; position += step)
            {
                if (DevelopmentBlock(siblings[position]) is { } block)
                {
                    return (block, System.Math.Abs(position - index));
                }

                if (receiver is null || siblings[position].DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => Leftmost(i)?.Identifier.ValueText == receiver))
                {
                    return null;
                }
            }

            return null;
        }

        var before = Nearest(-1);
        var after = Nearest(1);
        if (before is { } b && (after is null || b.Distance <= after.Value.Distance))
        {
            return (b.Block, false);
        }

        return after is { } a ? (a.Block, true) : null;
    }

    private void MoveInto(StatementSyntax statement, BlockSyntax block, bool first)
    {
        _editor.RemoveNode(Outer(statement), SyntaxRemoveOptions.KeepNoTrivia);
        var indentation = block.Statements.Count > 0 ? IndentationAt(block.Statements[0].SpanStart) : IndentationAt(block.SpanStart) + IndentUnit;

        // Comments above the statement go with it, each line at the new indentation; the blank lines before it do not.
        var leading = new List<SyntaxTrivia>(Layout.Whitespace(indentation));
        foreach (var trivia in statement.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                leading.Add(trivia);
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    leading.AddRange(Layout.Whitespace(indentation));
                }
            }
        }

        var moved = Lay(statement.WithoutLeadingTrivia(), indentation).WithLeadingTrivia(leading);
        _editor.ReplaceNode(block, (current, _) =>
        {
            var body = (BlockSyntax)current;
            return body.WithStatements(first ? body.Statements.Insert(0, moved) : body.Statements.Add(moved));
        });
    }

    /// <summary>The identifier a statement's call chain starts from: <c>app</c> in <c>app.UseSwagger();</c>.</summary>
    private static IdentifierNameSyntax? ReceiverOf(StatementSyntax statement)
        => (statement as ExpressionStatementSyntax)?.Expression is InvocationExpressionSyntax invocation ? Leftmost(invocation) : null;

    private static IdentifierNameSyntax? Leftmost(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax current = invocation;
        while (true)
        {
            switch (current)
            {
                case InvocationExpressionSyntax call:
                    current = call.Expression;
                    break;
                case MemberAccessExpressionSyntax member:
                    current = member.Expression;
                    break;
                default:
                    return current as IdentifierNameSyntax;
            }
        }
    }

    /// <summary><c>app.Environment</c> (the receiver's <c>Environment</c> property), else an environment parameter of the enclosing method.</summary>
    private (ExpressionSyntax Expression, ITypeSymbol Type)? Environment(StatementSyntax statement, IdentifierNameSyntax? receiver)
    {
        var hostEnvironment = Types.Get(HostEnvironment);
        if (hostEnvironment is null)
        {
            return null;
        }

        if (receiver is not null && Model.GetTypeInfo(receiver, _cancellationToken).Type is { } receiverType)
        {
            foreach (var property in receiverType.GetMembers("Environment").OfType<IPropertySymbol>())
            {
                if (WellKnownTypeProvider.Implements(property.Type, hostEnvironment))
                {
                    return (SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(receiver.Identifier.ValueText), SyntaxFactory.IdentifierName("Environment")), property.Type);
                }
            }
        }

        var parameters = statement.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax) switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
            LocalFunctionStatementSyntax function => function.ParameterList.Parameters,
            _ => default(SeparatedSyntaxList<ParameterSyntax>),
        };
        foreach (var parameter in parameters)
        {
            if (TypeOf(parameter) is { } type && WellKnownTypeProvider.Implements(type, hostEnvironment))
            {
                return (SyntaxFactory.IdentifierName(parameter.Identifier.ValueText), type);
            }
        }

        return null;
    }
}
