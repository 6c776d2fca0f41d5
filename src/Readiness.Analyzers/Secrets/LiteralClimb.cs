namespace Readiness.Analyzers.Secrets;

/// <summary>
/// How far up the syntax a literal stays the value of what is around it, for RDY1002's climb from each literal to the
/// constructs that can name it (<see cref="SecretTargets"/>). Syntax only: the climb stops, before binding anything, where
/// the literal turns into something no construct above can report.
/// </summary>
internal static class LiteralClimb
{
    /// <summary>
    /// Does <paramref name="node"/> pass on the value <paramref name="child"/> holds, as far as the checks below can see it —
    /// wrappers, a branch of <c>?:</c> or a switch arm, a <c>+</c> or an interpolation, array and collection elements, a
    /// tuple element, or the owners themselves (a declaration's value, an assignment's right side, a comparison, a call's
    /// argument or receiver, a return)? Anything else (<c>x ?? "…"</c>, a condition, an index, a unary operator, a lambda)
    /// turns the literal into something no owner above can report, and the climb stops before binding anything.
    /// </summary>
    public static bool CarriesValue(SyntaxNode node, SyntaxNode child)
        => node switch
        {
            ParenthesizedExpressionSyntax or CastExpressionSyntax or InterpolationSyntax or InterpolatedStringExpressionSyntax
                or InitializerExpressionSyntax or CollectionExpressionSyntax or ExpressionElementSyntax or TupleExpressionSyntax
                or ArgumentListSyntax or InvocationExpressionSyntax
                or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or SwitchExpressionSyntax
                or AnonymousObjectMemberDeclaratorSyntax or AnonymousObjectCreationExpressionSyntax or ConstantPatternSyntax => true,
            PostfixUnaryExpressionSyntax suppressed => suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression),
            ArgumentSyntax argument => argument.Parent is not BracketedArgumentListSyntax, // an index key is never a value
            ConditionalExpressionSyntax conditional => child != conditional.Condition,
            SwitchExpressionArmSyntax arm => child == arm.Expression,
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression),
            AssignmentExpressionSyntax assignment => child == assignment.Right && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
            IsPatternExpressionSyntax pattern => child == pattern.Pattern,
            BaseObjectCreationExpressionSyntax creation => child == creation.ArgumentList || child == creation.Initializer,
            ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax => true,
            MemberAccessExpressionSyntax access => child == access.Expression && access.Parent is InvocationExpressionSyntax,
            _ => false,
        };

    /// <summary>Is the literal (inside parentheses or a cast) one operand of a <c>+</c>: part of a longer constant?</summary>
    public static bool IsConcatenated(SyntaxNode literal)
    {
        var node = literal.Parent;
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression);
    }

    /// <summary>
    /// Past this node the literal is no longer the value anything above holds: a return, or an argument or receiver of a call whose result is not the literal's bytes (<c>BadRequest("…")</c>, <c>ToString("N")</c>;
    /// unlike <c>Encoding.UTF8.GetBytes("…")</c>), a constructor argument (not a collection initializer's element), a
    /// member set in an object initializer (<c>new Problem { Title = "…" }</c> passes the object on, not the title). The
    /// call or creation itself may still own it (keyed pairs); nothing above it can.
    /// </summary>
    public static bool EndsTheValue(SyntaxNode node, SyntaxNode child)
        => node switch
        {
            ReturnStatementSyntax or ArrowExpressionClauseSyntax => true,
            InvocationExpressionSyntax invocation => !(CandidateOperations.LastIdentifier(invocation.Expression) is { } method && SecretLiterals.IsBytesMethodName(method)),
            BaseObjectCreationExpressionSyntax creation => child == creation.ArgumentList,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } => true,
            _ => false,
        };

    /// <summary>Where a literal stops giving its value to anything: statements (other than those it belongs to), lambdas, members, attributes.</summary>
    public static bool IsBoundary(SyntaxNode node)
        => node is AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax or AttributeArgumentListSyntax
            || (node is StatementSyntax && node is not ReturnStatementSyntax);
}
