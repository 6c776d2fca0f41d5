using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
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
public sealed class PasswordsCodeFixProvider : CodeFixProvider
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

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(static async (context, document, diagnostics) =>
            (Document?)await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PasswordRules.FixProperty, out var kind) || kind is null
                || !diagnostic.Properties.TryGetValue(PasswordRules.ValueProperty, out var value) || value is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(kind, value),
                    cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey(diagnostic.Id)),
                diagnostic);
        }

        return Task.CompletedTask;
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

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var endOfLine = EndOfLineOf(root);
        var edits = new Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PasswordRules.FixProperty, out var kind) || kind is null
                || !diagnostic.Properties.TryGetValue(PasswordRules.ValueProperty, out var text) || text is null
                || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (kind)
            {
                case FixKinds.Integer when node is ExpressionSyntax expression:
                    var target = ConstantDeclarationOf(expression, model, cancellationToken) ?? expression;
                    if (!edits.ContainsKey(target))
                    {
                        edits[target] = current => IntegerLiteral(value).WithTriviaFrom(current);
                    }

                    break;

                case FixKinds.True when node is ExpressionSyntax expression:
                    edits[expression] = current => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(current);
                    break;

                case FixKinds.Minutes when node is ExpressionSyntax expression:
                    var timeSpan = TimeSpanName(model, expression.SpanStart);
                    edits[expression] = current => SyntaxFactory.ParseExpression(timeSpan + ".FromMinutes(" + value.ToString(CultureInfo.InvariantCulture) + ")")
                        .WithTriviaFrom(current);
                    break;

                case FixKinds.AddRequiredLength when node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation:
                    var parameterName = FreeName(model, invocation.SpanStart, "options");
                    edits[invocation] = current => current is InvocationExpressionSyntax rewritten
                        ? AddRequiredLength(rewritten, value, parameterName, endOfLine)
                        : current;
                    break;
            }
        }

        if (edits.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(edits.Keys, (original, rewritten) => edits[original](rewritten));
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>The literal initializer of the <c>const</c> field or local that <paramref name="expression"/> names, when declared in this file.</summary>
    private static ExpressionSyntax? ConstantDeclarationOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
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
                ? literal
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
        var expected = model.Compilation.GetTypeByMetadataName("System.TimeSpan");
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

    private static SyntaxTrivia EndOfLineOf(SyntaxNode root)
    {
        var existing = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.EndOfLine("\n");
    }
}
