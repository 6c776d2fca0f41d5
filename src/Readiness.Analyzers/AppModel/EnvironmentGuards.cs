namespace Readiness.Analyzers.AppModel;

/// <summary>
/// Which hosting environments a syntax node of start-up code runs in, judged from the environment checks around it:
/// <c>if (app.Environment.IsDevelopment()) { … } else { … }</c>, <c>env.IsProduction() ? a : b</c>, early returns such as
/// <c>if (env.IsDevelopment()) return;</c>, and <c>#if DEBUG</c> regions.
/// </summary>
/// <remarks>
/// <para>
/// The walk goes up from the node to the enclosing method, constructor, operator, accessor or local function (or the
/// compilation unit for top-level statements). It walks through lambdas: a lambda's body sits under the guard of the
/// statement that contains it.
/// </para>
/// <para>
/// Each condition is evaluated twice, once as if the app ran in Production and once as if in Development, each to
/// true, false or unknown; the guard follows: false in Production is <see cref="EnvironmentGuard.DevelopmentOnly"/>,
/// otherwise false in Development is <see cref="EnvironmentGuard.ProductionOnly"/>, anything else does not guard. So
/// the else branch of <c>IsStaging()</c> (which runs in Development and Production) and of
/// <c>!IsDevelopment() &amp;&amp; flag</c> (which may run in Production) are not guarded at all.
/// </para>
/// <para>
/// The innermost deciding guard wins, whether it is an <c>if</c>, a conditional expression, an early return or a
/// <c>#if</c> region: a ProductionOnly branch inside a DevelopmentOnly one (which never runs) is ProductionOnly.
/// </para>
/// <para>
/// Only invocations named <c>IsDevelopment</c>, <c>IsProduction</c>, <c>IsStaging</c> or <c>IsEnvironment</c>, member
/// accesses named <c>EnvironmentName</c>, the name compared with them (a constant, or <c>Environments.Development</c>,
/// <c>.Staging</c>, <c>.Production</c>, which are static readonly fields, not constants), and identifiers used as a
/// condition (for a <c>bool</c> local initialised from a recognised condition and never assigned again) are bound.
/// Environment names compare case-insensitively, as <c>IsEnvironment</c> does, even under <c>==</c>.
/// Broken code is never an error: what cannot be read does not guard.
/// </para>
/// </remarks>
public static class EnvironmentGuards
{
    /// <summary>How deep conditions (and locals initialised from conditions) are followed.</summary>
    private const int MaxDepth = 16;

    private static readonly Func<DirectiveTriviaSyntax, bool> IsBranchingDirective = static directive
        => directive.Kind() is SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia
            or SyntaxKind.ElseDirectiveTrivia or SyntaxKind.EndIfDirectiveTrivia;

    private static readonly Func<SyntaxNode, bool> OutsideTypes = static node => node is not BaseTypeDeclarationSyntax;

    /// <summary>
    /// The environment guard of <paramref name="node"/>: <see cref="EnvironmentGuard.Unguarded"/> when no recognised
    /// environment check decides whether it runs (or when <paramref name="node"/> is not in the tree of
    /// <paramref name="semanticModel"/>). Never throws on broken code; throws <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static EnvironmentGuard Of(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (node is null || semanticModel is null || node.SyntaxTree != semanticModel.SyntaxTree)
        {
            return EnvironmentGuard.Unguarded;
        }

        var context = new Context(semanticModel, cancellationToken);
        var fromCode = FromCode(node, context, out var codeStart);
        var fromDirectives = FromDirectives(node, cancellationToken, out var directiveStart);
        if (fromDirectives == EnvironmentGuard.Unguarded)
        {
            return fromCode;
        }

        if (fromCode == EnvironmentGuard.Unguarded)
        {
            return fromDirectives;
        }

        // Both decide: the one whose region starts later is the inner one.
        return directiveStart > codeStart ? fromDirectives : fromCode;
    }

    /// <summary>
    /// The innermost guard of <c>if</c> statements, conditional expressions, short-circuit operators and early
    /// exits around <paramref name="node"/>, and where the region it governs starts.
    /// </summary>
    private static EnvironmentGuard FromCode(SyntaxNode node, in Context context, out int regionStart)
    {
        regionStart = 0;
        var child = node;
        for (var parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var guard = EnvironmentGuard.Unguarded;
            var start = child.SpanStart;
            switch (parent)
            {
                case IfStatementSyntax ifStatement:
                    if (child == ifStatement.Statement)
                    {
                        guard = Condition(ifStatement.Condition, context, 0).Guard;
                    }
                    else if (child == ifStatement.Else)
                    {
                        guard = Condition(ifStatement.Condition, context, 0).Not().Guard;
                    }

                    break;

                case ConditionalExpressionSyntax conditional:
                    if (child == conditional.WhenTrue)
                    {
                        guard = Condition(conditional.Condition, context, 0).Guard;
                    }
                    else if (child == conditional.WhenFalse)
                    {
                        guard = Condition(conditional.Condition, context, 0).Not().Guard;
                    }

                    break;

                case BinaryExpressionSyntax binary when child == binary.Right:
                    // The right operand of a short-circuit operator runs only when the left one did not decide.
                    if (binary.IsKind(SyntaxKind.LogicalAndExpression))
                    {
                        guard = Condition(binary.Left, context, 0).Guard;
                    }
                    else if (binary.IsKind(SyntaxKind.LogicalOrExpression))
                    {
                        guard = Condition(binary.Left, context, 0).Not().Guard;
                    }

                    break;

                case BlockSyntax block:
                    guard = AfterEarlyExits(block.Statements, child, context, out start);
                    break;

                case SwitchSectionSyntax section:
                    guard = AfterEarlyExits(section.Statements, child, context, out start);
                    break;

                case CompilationUnitSyntax unit:
                    // Top-level statements: the program's body.
                    guard = AfterEarlyExits(unit.Members, child, context, out start);
                    regionStart = start;
                    return guard;

                case BaseMethodDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                case AccessorDeclarationSyntax:
                    return EnvironmentGuard.Unguarded;

                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    // A field or property initialiser, an expression-bodied property, a type: not a body of statements.
                    return EnvironmentGuard.Unguarded;
            }

            if (guard != EnvironmentGuard.Unguarded)
            {
                regionStart = start;
                return guard;
            }
        }

        return EnvironmentGuard.Unguarded;
    }

    /// <summary>
    /// The guard that earlier statements of the same list put on <paramref name="child"/>: after
    /// <c>if (cond) return;</c> (or throw, or a block ending in either) it runs only when <c>cond</c> is false; after
    /// <c>if (cond) { … } else return;</c> only when it is true. The nearest deciding statement wins.
    /// </summary>
    private static EnvironmentGuard AfterEarlyExits<TNode>(SyntaxList<TNode> statements, SyntaxNode child, in Context context, out int regionStart)
        where TNode : SyntaxNode
    {
        regionStart = 0;
        var index = child is TNode item ? statements.IndexOf(item) : -1;
        for (var i = index - 1; i >= 0; i--)
        {
            var statement = statements[i] is GlobalStatementSyntax global ? global.Statement : statements[i] as StatementSyntax;
            if (statement is not IfStatementSyntax ifStatement)
            {
                continue;
            }

            var thenExits = AlwaysExits(ifStatement.Statement);
            var elseExits = ifStatement.Else is { } elseClause && AlwaysExits(elseClause.Statement);
            if (thenExits == elseExits)
            {
                // Neither exits, or both do (then what follows is unreachable): no guard from this one.
                continue;
            }

            var truth = Condition(ifStatement.Condition, context, 0);
            var guard = (thenExits ? truth.Not() : truth).Guard;
            if (guard != EnvironmentGuard.Unguarded)
            {
                regionStart = ifStatement.Span.End;
                return guard;
            }
        }

        return EnvironmentGuard.Unguarded;
    }

    /// <summary>A <c>return</c> or <c>throw</c>, or a block whose last statement always exits.</summary>
    private static bool AlwaysExits(StatementSyntax? statement)
    {
        while (statement is BlockSyntax block)
        {
            var count = block.Statements.Count;
            statement = count == 0 ? null : block.Statements[count - 1];
        }

        return statement is ReturnStatementSyntax or ThrowStatementSyntax;
    }

    /// <summary>What a boolean condition is in Production and in Development.</summary>
    private static Truth Condition(ExpressionSyntax? expression, in Context context, int depth)
    {
        if (expression is null || depth > MaxDepth)
        {
            return Truth.Unknown;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Condition(parenthesized.Expression, context, depth + 1);

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Condition(unary.Operand, context, depth + 1).Not();

            case BinaryExpressionSyntax binary:
                switch (binary.Kind())
                {
                    case SyntaxKind.LogicalAndExpression:
                    case SyntaxKind.BitwiseAndExpression:
                        return Truth.And(Condition(binary.Left, context, depth + 1), Condition(binary.Right, context, depth + 1));
                    case SyntaxKind.LogicalOrExpression:
                    case SyntaxKind.BitwiseOrExpression:
                        return Truth.Or(Condition(binary.Left, context, depth + 1), Condition(binary.Right, context, depth + 1));
                    case SyntaxKind.EqualsExpression:
                        return Equality(binary.Left, binary.Right, context, depth);
                    case SyntaxKind.NotEqualsExpression:
                        return Equality(binary.Left, binary.Right, context, depth).Not();
                    default:
                        return Truth.Unknown;
                }

            case IsPatternExpressionSyntax isPattern:
                return Pattern(isPattern.Expression, isPattern.Pattern, context, depth);

            case InvocationExpressionSyntax invocation:
                return Invocation(invocation, context, depth);

            case IdentifierNameSyntax identifier:
                return Local(identifier, context, depth);

            default:
                return Truth.Unknown;
        }
    }

    /// <summary><c>cond == true</c>, <c>cond == false</c>, <c>X.EnvironmentName == "Development"</c> (either side).</summary>
    private static Truth Equality(ExpressionSyntax left, ExpressionSyntax right, in Context context, int depth)
    {
        if (BooleanLiteral(right) is { } rightValue)
        {
            var truth = Condition(left, context, depth + 1);
            return rightValue ? truth : truth.Not();
        }

        if (BooleanLiteral(left) is { } leftValue)
        {
            var truth = Condition(right, context, depth + 1);
            return leftValue ? truth : truth.Not();
        }

        if (IsEnvironmentName(left, context))
        {
            return Named(ConstantString(right, context));
        }

        if (IsEnvironmentName(right, context))
        {
            return Named(ConstantString(left, context));
        }

        return Truth.Unknown;
    }

    /// <summary><c>cond is true</c>, <c>cond is not false</c>, <c>X.EnvironmentName is "Development" or "Staging"</c>.</summary>
    private static Truth Pattern(ExpressionSyntax tested, PatternSyntax pattern, in Context context, int depth)
    {
        if (depth > MaxDepth)
        {
            return Truth.Unknown;
        }

        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return Pattern(tested, parenthesized.Pattern, context, depth + 1);

            case UnaryPatternSyntax unary when unary.IsKind(SyntaxKind.NotPattern):
                return Pattern(tested, unary.Pattern, context, depth + 1).Not();

            case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                return Truth.Or(Pattern(tested, binary.Left, context, depth + 1), Pattern(tested, binary.Right, context, depth + 1));

            case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.AndPattern):
                return Truth.And(Pattern(tested, binary.Left, context, depth + 1), Pattern(tested, binary.Right, context, depth + 1));

            case ConstantPatternSyntax constant:
                if (BooleanLiteral(constant.Expression) is { } value)
                {
                    var truth = Condition(tested, context, depth + 1);
                    return value ? truth : truth.Not();
                }

                return constant.Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && IsEnvironmentName(tested, context)
                        ? Named(literal.Token.ValueText)
                        : Truth.Unknown;

            default:
                return Truth.Unknown;
        }
    }

    /// <summary>
    /// <c>IsDevelopment()</c>, <c>IsProduction()</c>, <c>IsStaging()</c>, <c>IsEnvironment(name)</c> of the hosting
    /// extensions, and <c>string.Equals(X.EnvironmentName, name, …)</c> / <c>X.EnvironmentName.Equals(name, …)</c>.
    /// </summary>
    private static Truth Invocation(InvocationExpressionSyntax invocation, in Context context, int depth)
    {
        var expression = invocation.Expression;
        SimpleNameSyntax? name = expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
            IdentifierNameSyntax identifier => identifier,
            _ => null,
        };
        if (name is null)
        {
            return Truth.Unknown;
        }

        var arguments = invocation.ArgumentList.Arguments;
        switch (name.Identifier.ValueText)
        {
            case "IsDevelopment":
            case "IsProduction":
            case "IsStaging":
            case "IsEnvironment":
                break;

            case "Equals":
                if (expression is not MemberAccessExpressionSyntax equalsAccess)
                {
                    return Truth.Unknown;
                }

                if (arguments.Count is 1 or 2 && IsEnvironmentName(equalsAccess.Expression, context))
                {
                    // X.EnvironmentName.Equals(name[, comparison])
                    return Named(ConstantString(arguments[0].Expression, context));
                }

                if (arguments.Count is 2 or 3 && IsStringType(equalsAccess.Expression))
                {
                    // string.Equals(X.EnvironmentName, name[, comparison]), either order
                    if (IsEnvironmentName(arguments[0].Expression, context))
                    {
                        return Named(ConstantString(arguments[1].Expression, context));
                    }

                    if (IsEnvironmentName(arguments[1].Expression, context))
                    {
                        return Named(ConstantString(arguments[0].Expression, context));
                    }
                }

                return Truth.Unknown;

            default:
                return Truth.Unknown;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
            || !IsHostingEnvironmentExtension((method.ReducedFrom ?? method).ContainingType))
        {
            return Truth.Unknown;
        }

        switch (method.Name)
        {
            case "IsDevelopment":
                return Truth.Development;
            case "IsProduction":
                return Truth.Production;
            case "IsStaging":
                return Truth.Neither;
            case "IsEnvironment":
                var argument = EnvironmentNameArgument(arguments, isReduced: method.ReducedFrom is not null);
                return argument is null ? Truth.Unknown : Named(ConstantString(argument.Expression, context));
            default:
                return Truth.Unknown;
        }
    }

    /// <summary>The <c>environmentName</c> argument of <c>IsEnvironment</c>, called as an extension or as a static method.</summary>
    private static ArgumentSyntax? EnvironmentNameArgument(SeparatedSyntaxList<ArgumentSyntax> arguments, bool isReduced)
    {
        foreach (var argument in arguments)
        {
            if (argument.NameColon is { } nameColon)
            {
                if (nameColon.Name.Identifier.ValueText == "environmentName")
                {
                    return argument;
                }
            }
        }

        var index = isReduced ? 0 : 1;
        return index < arguments.Count && arguments[index].NameColon is null ? arguments[index] : null;
    }

    /// <summary>
    /// <c>Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions</c>, or <c>HostingEnvironmentExtensions</c> of
    /// <c>Microsoft.AspNetCore.Hosting</c> or (for the obsolete <c>IHostingEnvironment</c>) <c>Microsoft.Extensions.Hosting</c>.
    /// </summary>
    private static bool IsHostingEnvironmentExtension(INamedTypeSymbol? type)
        => HostingNamespace(type) switch
        {
            "Extensions" => type!.Name is "HostEnvironmentEnvExtensions" or "HostingEnvironmentExtensions",
            "AspNetCore" => type!.Name == "HostingEnvironmentExtensions",
            _ => false,
        };

    /// <summary>
    /// "Extensions" for a type of <c>Microsoft.Extensions.Hosting</c>, "AspNetCore" for one of
    /// <c>Microsoft.AspNetCore.Hosting</c>, otherwise null. Compares names: no type lookup.
    /// </summary>
    private static string? HostingNamespace(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        if (ns is null || ns.Name != "Hosting" || ns.ContainingNamespace is not { } parent
            || parent.ContainingNamespace is not { } microsoft || microsoft.Name != "Microsoft"
            || microsoft.ContainingNamespace is not { IsGlobalNamespace: true })
        {
            return null;
        }

        return parent.Name is "Extensions" or "AspNetCore" ? parent.Name : null;
    }

    /// <summary>
    /// The name held by <c>Environments.Development</c> / <c>Staging</c> / <c>Production</c> (or the obsolete
    /// <c>EnvironmentName.*</c> of either hosting namespace): static readonly fields, not constants.
    /// </summary>
    private static string? WellKnownEnvironmentName(ExpressionSyntax expression, in Context context)
    {
        if (expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Development" or "Staging" or "Production" }
            || context.SemanticModel.GetSymbolInfo(expression, context.CancellationToken).Symbol is not IFieldSymbol { IsStatic: true, Type.SpecialType: SpecialType.System_String } field
            || field.ContainingType is not { Name: "Environments" or "EnvironmentName" } type
            || HostingNamespace(type) is null)
        {
            return null;
        }

        return field.Name;
    }

    /// <summary>A property named <c>EnvironmentName</c> of type <c>string</c> (bound only when the name matches).</summary>
    private static bool IsEnvironmentName(ExpressionSyntax expression, in Context context)
    {
        var name = expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            IdentifierNameSyntax identifier => identifier,
            _ => null,
        };
        return name is not null
            && name.Identifier.ValueText == "EnvironmentName"
            && context.SemanticModel.GetSymbolInfo(expression, context.CancellationToken).Symbol is IPropertySymbol { Type.SpecialType: SpecialType.System_String };
    }

    /// <summary><c>string</c> or <c>String</c> / <c>System.String</c> as the receiver of a static call.</summary>
    private static bool IsStringType(ExpressionSyntax expression)
        => expression switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.StringKeyword),
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "String",
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "System" } } memberAccess
                => memberAccess.Name.Identifier.ValueText == "String",
            _ => false,
        };

    private static string? ConstantString(ExpressionSyntax expression, in Context context)
    {
        if (expression is LiteralExpressionSyntax literal)
        {
            return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
        }

        var constant = context.SemanticModel.GetConstantValue(expression, context.CancellationToken);
        return constant.HasValue ? constant.Value as string : WellKnownEnvironmentName(expression, context);
    }

    /// <summary>
    /// A check that the environment is named <paramref name="name"/>: Production is true only for "Production";
    /// Development only for "Development"; any other name is neither. Names compare case-insensitively, as
    /// <c>IsEnvironment</c> does.
    /// </summary>
    private static Truth Named(string? name)
    {
        if (name is null)
        {
            return Truth.Unknown;
        }

        if (string.Equals(name, "Production", StringComparison.OrdinalIgnoreCase))
        {
            return Truth.Production;
        }

        return string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase) ? Truth.Development : Truth.Neither;
    }

    private static bool? BooleanLiteral(ExpressionSyntax expression)
        => expression.Kind() switch
        {
            SyntaxKind.TrueLiteralExpression => true,
            SyntaxKind.FalseLiteralExpression => false,
            SyntaxKind.ParenthesizedExpression => BooleanLiteral(((ParenthesizedExpressionSyntax)expression).Expression),
            _ => null,
        };

    /// <summary>
    /// A <c>bool</c> local initialised from a recognised condition and never assigned again
    /// (<c>var isDev = app.Environment.IsDevelopment(); if (isDev) …</c>).
    /// </summary>
    private static Truth Local(IdentifierNameSyntax identifier, in Context context, int depth)
    {
        if (identifier.Identifier.IsMissing
            || context.SemanticModel.GetSymbolInfo(identifier, context.CancellationToken).Symbol is not ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean } local)
        {
            return Truth.Unknown;
        }

        var references = local.DeclaringSyntaxReferences;
        if (references.Length != 1
            || references[0].GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != identifier.SyntaxTree)
        {
            return Truth.Unknown;
        }

        var truth = Condition(value, context, depth + 1);
        if (truth.IsUnknown || IsAssignedAgain(local.Name, declarator, context.CancellationToken))
        {
            return Truth.Unknown;
        }

        return truth;
    }

    /// <summary>
    /// Whether the scope of the local declared by <paramref name="declarator"/> assigns a variable of that name
    /// (plainly, in a deconstruction, or through <c>ref</c> / <c>out</c>). A scan by name: a same-named variable of a
    /// nested scope counts too, which only makes the answer more careful.
    /// </summary>
    private static bool IsAssignedAgain(string name, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
    {
        SyntaxNode? scope = declarator.Parent;
        while (scope is not null and not BlockSyntax and not SwitchSectionSyntax and not CompilationUnitSyntax)
        {
            scope = scope.Parent;
        }

        if (scope is null)
        {
            return true;
        }

        foreach (var node in scope.DescendantNodes(OutsideTypes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when Assigns(assignment.Left, name):
                    return true;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None)
                                                  && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword)
                                                  && IsName(argument.Expression, name):
                    return true;
                case RefExpressionSyntax reference when IsName(reference.Expression, name):
                    return true;
            }
        }

        return false;
    }

    private static bool Assigns(ExpressionSyntax target, string name)
    {
        if (target is TupleExpressionSyntax tuple)
        {
            foreach (var element in tuple.Arguments)
            {
                if (Assigns(element.Expression, name))
                {
                    return true;
                }
            }

            return false;
        }

        return IsName(target, name);
    }

    private static bool IsName(ExpressionSyntax expression, string name)
        => expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name;

    /// <summary>
    /// The innermost guard of the <c>#if</c> / <c>#elif</c> / <c>#else</c> regions that hold <paramref name="node"/>,
    /// and where that branch starts. Only the <c>DEBUG</c> and <c>RELEASE</c> symbols decide.
    /// </summary>
    private static EnvironmentGuard FromDirectives(SyntaxNode node, CancellationToken cancellationToken, out int regionStart)
    {
        regionStart = 0;
        if (node.SyntaxTree.GetRoot(cancellationToken) is not CSharpSyntaxNode root || !root.ContainsDirectives)
        {
            return EnvironmentGuard.Unguarded;
        }

        var position = node.SpanStart;
        DirectiveFrame[]? frames = null;
        var count = 0;
        for (var directive = root.GetFirstDirective(IsBranchingDirective);
             directive is not null && directive.SpanStart < position;
             directive = directive.GetNextDirective(IsBranchingDirective))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    frames ??= new DirectiveFrame[4];
                    if (count == frames.Length)
                    {
                        Array.Resize(ref frames, count * 2);
                    }

                    frames[count++] = new DirectiveFrame(Truth.True, Symbols(ifDirective.Condition, 0), directive.SpanStart);
                    break;

                case ElifDirectiveTriviaSyntax elifDirective when count > 0:
                    ref var elifFrame = ref frames![count - 1];
                    elifFrame = new DirectiveFrame(Truth.And(elifFrame.Earlier, elifFrame.Branch.Not()), Symbols(elifDirective.Condition, 0), directive.SpanStart);
                    break;

                case ElseDirectiveTriviaSyntax when count > 0:
                    ref var elseFrame = ref frames![count - 1];
                    elseFrame = new DirectiveFrame(Truth.And(elseFrame.Earlier, elseFrame.Branch.Not()), Truth.True, directive.SpanStart);
                    break;

                case EndIfDirectiveTriviaSyntax when count > 0:
                    count--;
                    break;
            }
        }

        for (var i = count - 1; i >= 0; i--)
        {
            var guard = Truth.And(frames![i].Earlier, frames[i].Branch).Guard;
            if (guard != EnvironmentGuard.Unguarded)
            {
                regionStart = frames[i].Start;
                return guard;
            }
        }

        return EnvironmentGuard.Unguarded;
    }

    /// <summary>A preprocessor condition: <c>DEBUG</c> as Development, <c>RELEASE</c> as Production, other symbols unknown.</summary>
    private static Truth Symbols(ExpressionSyntax? expression, int depth)
    {
        if (expression is null || depth > MaxDepth)
        {
            return Truth.Unknown;
        }

        switch (expression.Kind())
        {
            case SyntaxKind.IdentifierName:
                return ((IdentifierNameSyntax)expression).Identifier.ValueText switch
                {
                    "DEBUG" => Truth.Development,
                    "RELEASE" => Truth.Production,
                    _ => Truth.Unknown,
                };
            case SyntaxKind.TrueLiteralExpression:
                return Truth.True;
            case SyntaxKind.FalseLiteralExpression:
                return Truth.Neither;
            case SyntaxKind.ParenthesizedExpression:
                return Symbols(((ParenthesizedExpressionSyntax)expression).Expression, depth + 1);
            case SyntaxKind.LogicalNotExpression:
                return Symbols(((PrefixUnaryExpressionSyntax)expression).Operand, depth + 1).Not();
            case SyntaxKind.LogicalAndExpression:
            case SyntaxKind.LogicalOrExpression:
            case SyntaxKind.EqualsExpression:
            case SyntaxKind.NotEqualsExpression:
                var binary = (BinaryExpressionSyntax)expression;
                var left = Symbols(binary.Left, depth + 1);
                var right = Symbols(binary.Right, depth + 1);
                return expression.Kind() switch
                {
                    SyntaxKind.LogicalAndExpression => Truth.And(left, right),
                    SyntaxKind.LogicalOrExpression => Truth.Or(left, right),
                    SyntaxKind.EqualsExpression => Truth.Equal(left, right),
                    _ => Truth.Equal(left, right).Not(),
                };
            default:
                return Truth.Unknown;
        }
    }

    private readonly struct Context
    {
        public Context(SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            SemanticModel = semanticModel;
            CancellationToken = cancellationToken;
        }

        public SemanticModel SemanticModel { get; }

        public CancellationToken CancellationToken { get; }
    }

    /// <summary>One open <c>#if</c>: the branch being read, and what the earlier branches (not taken) imply.</summary>
    private readonly struct DirectiveFrame
    {
        public DirectiveFrame(Truth earlier, Truth branch, int start)
        {
            Earlier = earlier;
            Branch = branch;
            Start = start;
        }

        /// <summary>All earlier branch conditions false.</summary>
        public Truth Earlier { get; }

        /// <summary>This branch's own condition (true for <c>#else</c>).</summary>
        public Truth Branch { get; }

        /// <summary>Where this branch's directive starts.</summary>
        public int Start { get; }
    }

    /// <summary>A three-valued answer: true, false, or unknown.</summary>
    private enum Tri : byte
    {
        Unknown,
        True,
        False,
    }

    /// <summary>What a condition is when the app runs in Production, and when it runs in Development.</summary>
    private readonly struct Truth
    {
        public static readonly Truth Unknown = new(Tri.Unknown, Tri.Unknown);
        public static readonly Truth True = new(Tri.True, Tri.True);

        /// <summary><c>IsDevelopment()</c>.</summary>
        public static readonly Truth Development = new(Tri.False, Tri.True);

        /// <summary><c>IsProduction()</c>.</summary>
        public static readonly Truth Production = new(Tri.True, Tri.False);

        /// <summary><c>IsStaging()</c>, any other environment name, or <c>false</c>.</summary>
        public static readonly Truth Neither = new(Tri.False, Tri.False);

        private Truth(Tri inProduction, Tri inDevelopment)
        {
            InProduction = inProduction;
            InDevelopment = inDevelopment;
        }

        public Tri InProduction { get; }

        public Tri InDevelopment { get; }

        public bool IsUnknown => InProduction == Tri.Unknown && InDevelopment == Tri.Unknown;

        /// <summary>
        /// The guard of code that runs when this is true: never in Production is DevelopmentOnly; otherwise never in
        /// Development is ProductionOnly; anything else does not guard.
        /// </summary>
        public EnvironmentGuard Guard
            => InProduction == Tri.False ? EnvironmentGuard.DevelopmentOnly
                : InDevelopment == Tri.False ? EnvironmentGuard.ProductionOnly
                : EnvironmentGuard.Unguarded;

        public Truth Not() => new(Negate(InProduction), Negate(InDevelopment));

        public static Truth And(Truth left, Truth right)
            => new(And(left.InProduction, right.InProduction), And(left.InDevelopment, right.InDevelopment));

        public static Truth Or(Truth left, Truth right)
            => new(Negate(And(Negate(left.InProduction), Negate(right.InProduction))), Negate(And(Negate(left.InDevelopment), Negate(right.InDevelopment))));

        public static Truth Equal(Truth left, Truth right)
            => new(Equal(left.InProduction, right.InProduction), Equal(left.InDevelopment, right.InDevelopment));

        private static Tri Negate(Tri value)
            => value switch
            {
                Tri.True => Tri.False,
                Tri.False => Tri.True,
                _ => Tri.Unknown,
            };

        private static Tri And(Tri left, Tri right)
            => left == Tri.False || right == Tri.False ? Tri.False
                : left == Tri.True && right == Tri.True ? Tri.True
                : Tri.Unknown;

        private static Tri Equal(Tri left, Tri right)
            => left == Tri.Unknown || right == Tri.Unknown ? Tri.Unknown
                : left == right ? Tri.True
                : Tri.False;
    }
}
