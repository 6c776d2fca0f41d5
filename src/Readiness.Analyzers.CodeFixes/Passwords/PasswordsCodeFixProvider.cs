using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.Common;
using Readiness.Analyzers.Passwords;

namespace Readiness.Analyzers.CodeFixes.Passwords;

/// <summary>
/// Raises (or lowers) the number the password rules report to the configured threshold: Identity's <c>RequiredLength</c>
/// (added to the registration when it is missing), <c>lockoutOnFailure: true</c>, the lockout settings, validation minimums,
/// PBKDF2 iterations, BCrypt work factor and <c>PasswordHasherOptions.IterationCount</c>. A number that comes from a
/// <c>const</c> declared in the same file with a literal value is changed at its declaration, so every use stays consistent.
/// The analyzers attach the edit to the diagnostic only where it is certain; everything else gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PasswordsCodeFixProvider))]
[Shared]
public sealed class PasswordsCodeFixProvider : ReadinessCodeFixProvider
{
    public const string RDY4001_RequireMinimumLengthEquivalenceKey = RuleIds.RDY4001_IdentityPasswordTooShort + "_RequireMinimumLength";
    public const string RDY4003_EnforceLockoutEquivalenceKey = RuleIds.RDY4003_AccountLockoutWeakOrDisabled + "_EnforceLockout";
    public const string RDY4004_RaiseMinimumLengthEquivalenceKey = RuleIds.RDY4004_ValidationPermitsShortPassword + "_RaiseMinimumLength";
    public const string RDY4005_RaiseWorkFactorEquivalenceKey = RuleIds.RDY4005_FastPasswordHashing + "_RaiseWorkFactor";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RDY4001_IdentityPasswordTooShort,
        RuleIds.RDY4003_AccountLockoutWeakOrDisabled,
        RuleIds.RDY4004_ValidationPermitsShortPassword,
        RuleIds.RDY4005_FastPasswordHashing);

    /// <summary>
    /// The edit of the node the diagnostic names. A <c>const</c> shared by several flagged uses is changed once, by the
    /// first of them: Fix All skips the others.
    /// </summary>
    protected override async Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(PasswordRules.FixProperty, out var kind) || kind is null
            || !diagnostic.Properties.TryGetValue(PasswordRules.ValueProperty, out var text) || text is null
            || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        SyntaxNode target;
        Func<SyntaxNode, SyntaxNode> rewrite;
        string? oncePerDocument = null;
        switch (kind)
        {
            case FixKinds.Integer when node is ExpressionSyntax expression:
                var constant = ConstantDeclarationOf(expression, model, cancellationToken);
                target = constant?.Literal ?? expression;
                oncePerDocument = constant?.Name;
                rewrite = current => IntegerLiteral(value).WithTriviaFrom(current);
                break;

            case FixKinds.True when node is ExpressionSyntax expression:
                target = expression;
                rewrite = current => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(current);
                break;

            case FixKinds.Minutes when node is ExpressionSyntax expression:
                var timeSpan = TimeSpanName(model, expression.SpanStart);
                target = expression;
                rewrite = current => SyntaxFactory.ParseExpression(timeSpan + ".FromMinutes(" + value.ToString(CultureInfo.InvariantCulture) + ")")
                    .WithTriviaFrom(current);
                break;

            case FixKinds.AddRequiredLength when node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation:
                var parameterName = FreeName(model, invocation.SpanStart, "options");
                var endOfLine = EndOfLine.Of(root);
                target = invocation;
                rewrite = current => AddRequiredLength((InvocationExpressionSyntax)current, value, parameterName, endOfLine);
                break;

            default:
                return null;
        }

        return ReadinessCodeFix.Create(
            Title(kind, text),
            EquivalenceKey(diagnostic.Id),
            async (fixing, token) =>
            {
                var fixingRoot = await fixing.GetSyntaxRootAsync(token).ConfigureAwait(false);
                return fixingRoot is null ? fixing : fixing.WithSyntaxRoot(fixingRoot.ReplaceNode(target, rewrite(target)));
            },
            oncePerDocument);
    }

    private static string Title(string kind, string value) => kind switch
    {
        FixKinds.True => "Change to true",
        FixKinds.Minutes => "Lock out for " + value + " minutes",
        FixKinds.AddRequiredLength => "Require passwords of at least " + value + " characters",
        _ => "Change to " + value,
    };

    private static string EquivalenceKey(string id) => id switch
    {
        RuleIds.RDY4001_IdentityPasswordTooShort => RDY4001_RequireMinimumLengthEquivalenceKey,
        RuleIds.RDY4003_AccountLockoutWeakOrDisabled => RDY4003_EnforceLockoutEquivalenceKey,
        RuleIds.RDY4004_ValidationPermitsShortPassword => RDY4004_RaiseMinimumLengthEquivalenceKey,
        _ => RDY4005_RaiseWorkFactorEquivalenceKey,
    };

    /// <summary>
    /// The literal initializer of the <c>const</c> field or local that <paramref name="expression"/> names, when declared in
    /// this file, with a name for the constant that the edits do not change.
    /// </summary>
    private static (LiteralExpressionSyntax Literal, string Name)? ConstantDeclarationOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return null;
        }

        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        var isConst = symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true };
        if (!isConst || symbol!.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var reference = symbol.DeclaringSyntaxReferences[0];
        return reference.SyntaxTree == expression.SyntaxTree
            && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                ? (literal, "const " + symbol.ContainingSymbol?.ToDisplayString() + "." + symbol.Name)
                : null;
    }

    private static LiteralExpressionSyntax IntegerLiteral(long value)
    {
        var text = value >= 10_000
            ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_")
            : value.ToString(CultureInfo.InvariantCulture);
        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, (int)value));
    }

    /// <summary><c>TimeSpan</c> when that name means <c>System.TimeSpan</c> here, else the qualified name.</summary>
    private static string TimeSpanName(SemanticModel model, int position)
    {
        var expected = WellKnownTypeProvider.For(model.Compilation).Get("System.TimeSpan");
        var found = model.LookupNamespacesAndTypes(position, name: "TimeSpan");
        return found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], expected) ? "TimeSpan" : "global::System.TimeSpan";
    }

    private static string FreeName(SemanticModel model, int position, string preferred)
    {
        foreach (var candidate in new[] { preferred, "identityOptions", "identity" })
        {
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        return "identityOptions_";
    }

    /// <summary>Adds <c>options.Password.RequiredLength = n;</c> to the configure lambda, or a lambda that sets it.</summary>
    private static SyntaxNode AddRequiredLength(InvocationExpressionSyntax invocation, long value, string freeName, SyntaxTrivia endOfLine)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is not LambdaExpressionSyntax lambda)
            {
                continue;
            }

            var parameter = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                _ => null,
            };
            if (parameter is null)
            {
                return invocation;
            }

            var statement = Assignment(parameter, value).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
            BlockSyntax block;
            if (lambda.Block is { } existing)
            {
                block = existing.AddStatements(statement);
            }
            else if (lambda.ExpressionBody is { } body)
            {
                block = SyntaxFactory.Block(
                    SyntaxFactory.ExpressionStatement(body.WithoutTrivia()).WithTrailingTrivia(endOfLine),
                    statement)
                    .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine));
            }
            else
            {
                return invocation;
            }

            var newLambda = lambda.WithBlock(block.WithAdditionalAnnotations(Formatter.Annotation)).WithExpressionBody(null);
            if (newLambda is SimpleLambdaExpressionSyntax { ArrowToken: var arrow } simpleLambda)
            {
                newLambda = simpleLambda.WithArrowToken(arrow.WithTrailingTrivia(endOfLine));
            }
            else if (newLambda is ParenthesizedLambdaExpressionSyntax { ArrowToken: var parenArrow } parenthesizedLambda)
            {
                newLambda = parenthesizedLambda.WithArrowToken(parenArrow.WithTrailingTrivia(endOfLine));
            }

            return invocation.ReplaceNode(lambda, newLambda);
        }

        if (invocation.ArgumentList.Arguments.Count > 0)
        {
            return invocation;
        }

        var newArgument = SyntaxFactory.Argument(
            SyntaxFactory.SimpleLambdaExpression(
                SyntaxFactory.Parameter(SyntaxFactory.Identifier(freeName)),
                Assignment(freeName, value).Expression));
        return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(newArgument)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ExpressionStatementSyntax Assignment(string parameter, long value)
        => SyntaxFactory.ExpressionStatement(
            SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.ParseExpression(parameter + ".Password.RequiredLength"),
                IntegerLiteral(value)));
}
