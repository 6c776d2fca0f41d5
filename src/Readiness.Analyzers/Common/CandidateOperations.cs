namespace Readiness.Analyzers.Common;

/// <summary>
/// The operation a rule looks at, and what it may do with it: the same surface as
/// <see cref="OperationAnalysisContext"/>, built for one candidate node.
/// </summary>
internal readonly struct OperationContext
{
    private readonly Action<Diagnostic> report;

    public OperationContext(IOperation operation, SyntaxNodeAnalysisContext context)
        : this(operation, context, context.ReportDiagnostic)
    {
    }

    /// <summary>With a reporter of the caller's: a rule that keeps only some of what the operation rules report.</summary>
    public OperationContext(IOperation operation, SyntaxNodeAnalysisContext context, Action<Diagnostic> report)
    {
        Operation = operation;
        Compilation = context.Compilation;
        Options = context.Options;
        ContainingSymbol = context.ContainingSymbol;
        CancellationToken = context.CancellationToken;
        this.report = report;
    }

    public IOperation Operation { get; }
    public Compilation Compilation { get; }
    public AnalyzerOptions Options { get; }
    public ISymbol? ContainingSymbol { get; }
    public CancellationToken CancellationToken { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => report(diagnostic);
}

/// <summary>A method declaration that passed a syntax check, its symbol, and its body's operations on request.</summary>
internal readonly struct MethodContext
{
    private readonly SyntaxNodeAnalysisContext context;

    public MethodContext(IMethodSymbol method, SyntaxNodeAnalysisContext context)
    {
        Method = method;
        this.context = context;
    }

    public IMethodSymbol Method { get; }
    public MethodDeclarationSyntax Syntax => (MethodDeclarationSyntax)context.Node;
    public Compilation Compilation => context.Compilation;
    public AnalyzerOptions Options => context.Options;
    public CancellationToken CancellationToken => context.CancellationToken;

    /// <summary>The body (block or expression) as an operation: binds the method, so ask only when the cheap checks passed.</summary>
    public IOperation? GetBody()
        => context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IMethodBodyBaseOperation body
            ? (IOperation?)body.BlockBody ?? body.ExpressionBody
            : null;

    public void ReportDiagnostic(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);
}

/// <summary>
/// A call that passed the name test, with the method it calls as the semantic model resolves it: for rules that decide
/// from the callee and the syntax alone, without building the operation tree of the method around the call.
/// </summary>
internal readonly struct InvocationContext
{
    private readonly SyntaxNodeAnalysisContext context;

    public InvocationContext(IMethodSymbol method, SyntaxNodeAnalysisContext context)
    {
        Method = method;
        this.context = context;
    }

    /// <summary>The method called (for an extension method, in its reduced form, as written).</summary>
    public IMethodSymbol Method { get; }
    public InvocationExpressionSyntax Syntax => (InvocationExpressionSyntax)context.Node;
    public SemanticModel SemanticModel => context.SemanticModel;
    public CancellationToken CancellationToken => context.CancellationToken;

    public void ReportDiagnostic(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);
}

/// <summary>
/// Operation analysis for the few nodes that can matter. Registering an operation action makes the analyzer driver bind
/// every method body of the compilation and build its IOperation tree; these actions instead look at syntax the driver
/// walks anyway, keep only nodes whose name can match (a string comparison), and ask the semantic model for the
/// operation of those alone (which binds just the statement around them).
/// </summary>
internal static class CandidateOperations
{
    private static readonly ImmutableArray<SyntaxKind> CreationKinds =
        ImmutableArray.Create(SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);

    /// <summary>
    /// Invocations whose method name (the last identifier: <c>M()</c>, <c>x.M()</c>, <c>x?.M()</c>, <c>M&lt;T&gt;()</c>) passes
    /// <paramref name="isCandidate"/> and whose method, as the semantic model resolves the call (an extension method in its
    /// reduced form), passes <paramref name="isTarget"/>: only those get the operation tree of the method around them, which
    /// costs several times the call's symbol. <paramref name="isTarget"/> must accept every method the action can report on.
    /// </summary>
    public static void RegisterInvocationAction(this CompilationStartAnalysisContext start, Func<string, bool> isCandidate, Func<IMethodSymbol, bool> isTarget, Action<OperationContext> action)
        => start.RegisterNamedAction(
            static node => ((InvocationExpressionSyntax)node).Expression,
            isCandidate,
            context => context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is IMethodSymbol method && isTarget(method),
            OperationKind.Invocation,
            action,
            SyntaxKind.InvocationExpression);

    /// <summary>
    /// Invocations whose method name passes <paramref name="isCandidate"/>, in a compilation or tree where the rule
    /// <paramref name="applies"/>, given to <paramref name="action"/> with the method they call — resolved by the semantic
    /// model's symbol for the call, which costs a fraction of the method's operation tree. A call that does not resolve to
    /// one method (an overload error, broken code) is skipped, as an operation action would see an invalid operation.
    /// </summary>
    public static void RegisterInvocationSymbolAction(this CompilationStartAnalysisContext start, Func<string, bool> isCandidate, Func<SyntaxNodeAnalysisContext, bool> applies, Action<InvocationContext> action)
        => start.RegisterSyntaxNodeAction(
            context =>
            {
                var invocation = (InvocationExpressionSyntax)context.Node;
                if (LastIdentifier(invocation.Expression) is { } name
                    && isCandidate(name)
                    && applies(context)
                    && context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method)
                {
                    action(new InvocationContext(method, context));
                }
            },
            SyntaxKind.InvocationExpression);

    /// <summary>
    /// <c>new T(…)</c> whose type name (the last identifier, without generic arguments) passes <paramref name="isCandidate"/>,
    /// and a target-typed <c>new(…)</c> whose type, as the semantic model resolves its constructor, has a name that passes
    /// (asking for the constructor's symbol costs a fraction of the operation tree of the method around it).
    /// </summary>
    public static void RegisterObjectCreationAction(this CompilationStartAnalysisContext start, Func<string, bool> isCandidate, Action<OperationContext> action)
        => start.RegisterSyntaxNodeAction(
            context =>
            {
                var name = context.Node is ObjectCreationExpressionSyntax creation
                    ? LastIdentifier(creation.Type)
                    : (context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol as IMethodSymbol)?.ContainingType.Name;
                if (name is null || !isCandidate(name))
                {
                    return;
                }

                Run(context, OperationKind.ObjectCreation, action);
            },
            CreationKinds);

    /// <summary>
    /// Simple assignments (<c>x.P = v</c>, <c>P = v</c> in an object initializer) whose target name passes
    /// <paramref name="isCandidate"/> and whose target's symbol (the property or field) passes <paramref name="isTarget"/>;
    /// <paramref name="isTarget"/> must accept every target the action can report on.
    /// </summary>
    public static void RegisterAssignmentAction(this CompilationStartAnalysisContext start, Func<string, bool> isCandidate, Func<ISymbol, bool> isTarget, Action<OperationContext> action)
        => start.RegisterNamedAction(
            static node => ((AssignmentExpressionSyntax)node).Left,
            isCandidate,
            context => context.SemanticModel.GetSymbolInfo(((AssignmentExpressionSyntax)context.Node).Left, context.CancellationToken).Symbol is { } target && isTarget(target),
            OperationKind.SimpleAssignment,
            action,
            SyntaxKind.SimpleAssignmentExpression);

    /// <summary>Nodes of <paramref name="syntaxKind"/> whose named part (<paramref name="namePart"/>, judged by its last identifier) passes <paramref name="isCandidate"/>.</summary>
    private static void RegisterNamedAction(
        this CompilationStartAnalysisContext start,
        Func<SyntaxNode, SyntaxNode> namePart,
        Func<string, bool> isCandidate,
        Func<SyntaxNodeAnalysisContext, bool> applies,
        OperationKind operationKind,
        Action<OperationContext> action,
        SyntaxKind syntaxKind)
        => start.RegisterSyntaxNodeAction(
            context =>
            {
                var name = LastIdentifier(namePart(context.Node));
                if (name is not null && isCandidate(name) && applies(context))
                {
                    Run(context, operationKind, action);
                }
            },
            syntaxKind);

    private static readonly Func<SyntaxNodeAnalysisContext, bool> Always = static _ => true;

    /// <summary>Method declarations that pass the syntax check <paramref name="isCandidate"/> (modifiers, attributes, name).</summary>
    public static void RegisterMethodAction(this CompilationStartAnalysisContext start, Func<MethodDeclarationSyntax, bool> isCandidate, Action<MethodContext> action)
        => start.RegisterSyntaxNodeAction(
            context =>
            {
                var declaration = (MethodDeclarationSyntax)context.Node;
                if (isCandidate(declaration) && context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } method)
                {
                    action(new MethodContext(method, context));
                }
            },
            SyntaxKind.MethodDeclaration);

    /// <summary>Public instance methods: the only ones that can be controller actions.</summary>
    public static bool IsPublicInstance(MethodDeclarationSyntax method)
    {
        var isPublic = false;
        foreach (var modifier in method.Modifiers)
        {
            switch (modifier.Kind())
            {
                case SyntaxKind.PublicKeyword:
                    isPublic = true;
                    break;
                case SyntaxKind.StaticKeyword:
                    return false;
            }
        }

        return isPublic;
    }

    /// <summary>
    /// Whether a route attribute among <paramref name="lists"/> (<c>Http…</c>, <c>Route</c>, recognised by name) has a
    /// positional template that <paramref name="literalMatches"/> accepts, or one that is not a literal (a constant, which
    /// only the semantic model can read).
    /// </summary>
    public static bool AnyRouteTemplate(SyntaxList<AttributeListSyntax> lists, Func<string, bool> literalMatches)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.ArgumentList is null
                    || LastIdentifier(attribute.Name) is not { } name
                    || !(name.StartsWith("Http", StringComparison.Ordinal) || name is "Route" or "RouteAttribute"))
                {
                    continue;
                }

                foreach (var argument in attribute.ArgumentList.Arguments)
                {
                    if (argument.NameEquals is null
                        && (argument.Expression is not LiteralExpressionSyntax literal || literalMatches(literal.Token.ValueText)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when some invocation under <paramref name="node"/> calls a method named as <paramref name="isCandidate"/> allows.</summary>
    public static bool InvokesAny(SyntaxNode node, Func<string, bool> isCandidate)
    {
        foreach (var descendant in node.DescendantNodes())
        {
            if (descendant is InvocationExpressionSyntax invocation
                && LastIdentifier(invocation.Expression) is { } name
                && isCandidate(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Any node of the given kinds that passes the syntax check <paramref name="isCandidate"/>.</summary>
    public static void RegisterCandidateAction(this CompilationStartAnalysisContext start, Func<SyntaxNode, bool> isCandidate, Action<OperationContext> action, params SyntaxKind[] kinds)
        => start.RegisterCandidateAction(isCandidate, Always, action, kinds);

    /// <summary>
    /// Any node of the given kinds that passes the syntax check <paramref name="isCandidate"/>, in a compilation or tree
    /// where the rule <paramref name="applies"/> (a per-compilation fact the rule caches: asked after the syntax check,
    /// before anything is bound).
    /// </summary>
    public static void RegisterCandidateAction(this CompilationStartAnalysisContext start, Func<SyntaxNode, bool> isCandidate, Func<SyntaxNodeAnalysisContext, bool> applies, Action<OperationContext> action, params SyntaxKind[] kinds)
        => start.RegisterSyntaxNodeAction(
            context =>
            {
                if (isCandidate(context.Node) && applies(context))
                {
                    Run(context, OperationKind.None, action);
                }
            },
            kinds);

    /// <summary>
    /// The first argument of a call that is a string literal (for <c>Map…(…)</c> calls, the route pattern), or null when
    /// none is: then the route may be a constant only the semantic model can read.
    /// </summary>
    public static string? FirstStringLiteralArgument(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (WithoutWrappers(argument.Expression) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal.Token.ValueText;
            }
        }

        return null;
    }

    /// <summary>The expression inside parentheses, casts and <c>!</c>: what the value is, as the operation's conversions would show.</summary>
    public static ExpressionSyntax WithoutWrappers(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    continue;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The name a member access, binding, generic or simple name ends with; <c>null</c> for anything else.</summary>
    public static string? LastIdentifier(SyntaxNode? node)
    {
        while (true)
        {
            switch (node)
            {
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    return qualified.Right.Identifier.ValueText;
                case AliasQualifiedNameSyntax alias:
                    return alias.Name.Identifier.ValueText;
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized.Expression;
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>Runs the rule on the node's operation when it is of <paramref name="kind"/> (any kind for <see cref="OperationKind.None"/>), as an operation action would.</summary>
    private static void Run(SyntaxNodeAnalysisContext context, OperationKind kind, Action<OperationContext> action)
    {
        var operation = context.SemanticModel.GetOperation(context.Node, context.CancellationToken);
        if (operation is not null && (kind == OperationKind.None || operation.Kind == kind))
        {
            action(new OperationContext(operation, context));
        }
    }
}
