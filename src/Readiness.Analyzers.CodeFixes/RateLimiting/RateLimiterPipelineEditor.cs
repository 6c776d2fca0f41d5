using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.CodeFixes.Common;

namespace Readiness.Analyzers.CodeFixes.RateLimiting;

/// <summary>
/// Finds where start-up code in one document registers services and builds the middleware pipeline, and inserts
/// statements there: the registration before <c>builder.Build()</c> (or at the end of <c>ConfigureServices</c>), the
/// middleware after <c>UseRouting</c>/<c>UseCors</c>/<c>UseAuthentication</c>/<c>UseAuthorization</c> and before the first endpoint.
/// Every lookup fails closed: no place found, no fix.
/// </summary>
internal static class RateLimiterPipelineEditor
{
    /// <summary>A planned insertion: the statement to insert next to, the receiver to call on, and on which side.</summary>
    internal sealed class Insertion
    {
        public Insertion(StatementSyntax anchor, string receiver, bool after, MethodDeclarationSyntax? expressionBody = null)
        {
            Anchor = anchor;
            Receiver = receiver;
            After = after;
            ExpressionBody = expressionBody;
        }

        /// <summary>The statement next to which the new one goes (for an expression-bodied <c>ConfigureServices</c>, see <see cref="ExpressionBody"/>).</summary>
        public StatementSyntax Anchor { get; }

        public string Receiver { get; }

        public bool After { get; }

        /// <summary>An expression-bodied <c>ConfigureServices</c> that is turned into a block.</summary>
        public MethodDeclarationSyntax? ExpressionBody { get; }
    }

    /// <summary>
    /// Where <c>app.UseRateLimiter()</c> goes in this document, or null: before its first endpoint, or in
    /// <paramref name="body"/> (a block or the top-level statements) only when given.
    /// </summary>
    public static Insertion? FindMiddlewareInsertion(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken, SyntaxNode? body = null)
    {
        var builderInterface = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        if (builderInterface is null)
        {
            return null;
        }

        ExpressionStatementSyntax? endpoint = null;
        string? receiver = null;
        foreach (var statement in (body ?? root).DescendantNodes().OfType<ExpressionStatementSyntax>())
        {
            if (body is not null && BodyOf(statement) != body)
            {
                continue;
            }

            if (!IsPipelineStatement(statement, model, builderInterface, cancellationToken, out var name, out var names))
            {
                continue;
            }

            if (HasEndpointCall(names))
            {
                endpoint = statement;
                receiver = name;
                break;
            }
        }

        if (endpoint is null || receiver is null)
        {
            return null;
        }

        // The last routing/auth middleware before the first endpoint, among the statements of the same body.
        StatementSyntax? after = null;
        foreach (var sibling in SiblingStatements(endpoint))
        {
            if (sibling == endpoint)
            {
                break;
            }

            if (sibling is ExpressionStatementSyntax expression
                && IsPipelineStatement(expression, model, builderInterface, cancellationToken, out var siblingReceiver, out var names)
                && siblingReceiver == receiver
                && (names.Contains("UseRouting") || names.Contains("UseCors") || names.Contains("UseAuthentication") || names.Contains("UseAuthorization")))
            {
                after = expression;
            }
        }

        return after is not null ? new Insertion(after, receiver, after: true) : new Insertion(endpoint, receiver, after: false);
    }

    /// <summary>Where the <c>AddRateLimiter</c> registration goes in this document, or null.</summary>
    public static Insertion? FindServicesInsertion(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var webApplicationBuilder = model.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        var serviceCollection = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        foreach (var node in root.DescendantNodes())
        {
            // var app = builder.Build();
            if (node is LocalDeclarationStatementSyntax local
                && local.Declaration.Variables.Count == 1
                && local.Declaration.Variables[0].Initializer?.Value is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax builder },
                }
                && webApplicationBuilder is not null
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(builder, cancellationToken).Type, webApplicationBuilder))
            {
                return new Insertion(local, builder.Identifier.ValueText + ".Services", after: false);
            }

            // public void ConfigureServices(IServiceCollection services) { … }
            if (node is MethodDeclarationSyntax { Identifier.ValueText: "ConfigureServices", ParameterList.Parameters.Count: >= 1 } method
                && serviceCollection is not null
                && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol
                && SymbolEqualityComparer.Default.Equals(symbol.Parameters[0].Type, serviceCollection))
            {
                var services = method.ParameterList.Parameters[0].Identifier.ValueText;
                if (method.Body is { } body)
                {
                    return body.Statements.Count > 0
                        ? new Insertion(body.Statements[body.Statements.Count - 1], services, after: true)
                        : null;
                }

                if (method.ExpressionBody is { } arrow && symbol.ReturnsVoid)
                {
                    return new Insertion(SyntaxFactory.ExpressionStatement(arrow.Expression), services, after: true, method);
                }
            }
        }

        return null;
    }

    /// <summary>Inserts <paramref name="statementText"/> (one statement, calling on the insertion's receiver) at the planned place.</summary>
    public static SyntaxNode Insert(SyntaxNode root, Insertion insertion, string statementText)
    {
        var endOfLine = EndOfLine.Of(root);
        var statement = SyntaxFactory.ParseStatement(statementText.Replace("\n", endOfLine.ToFullString()))
            .WithTrailingTrivia(endOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

        if (insertion.ExpressionBody is { } method)
        {
            var existing = insertion.Anchor.WithTrailingTrivia(endOfLine);
            var block = SyntaxFactory.Block(existing, statement).WithAdditionalAnnotations(Formatter.Annotation);
            var rewritten = method
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithParameterList(method.ParameterList.WithTrailingTrivia(endOfLine))
                .WithBody(block.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(method, rewritten);
        }

        var anchor = insertion.Anchor;
        statement = statement.WithLeadingTrivia(Indentation(anchor));
        if (anchor.Parent is GlobalStatementSyntax global)
        {
            var newGlobal = SyntaxFactory.GlobalStatement(statement);
            return insertion.After ? root.InsertNodesAfter(global, new[] { newGlobal }) : root.InsertNodesBefore(global, new[] { newGlobal });
        }

        return insertion.After ? root.InsertNodesAfter(anchor, new[] { statement }) : root.InsertNodesBefore(anchor, new[] { statement });
    }

    /// <summary>Whether <paramref name="name"/> (a type) is in scope at <paramref name="position"/>.</summary>
    public static bool TypeInScope(SemanticModel model, int position, string name, string metadataName)
    {
        var expected = model.Compilation.GetTypeByMetadataName(metadataName);
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: name))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether extension method <paramref name="name"/> can be called on <paramref name="receiverType"/> at <paramref name="position"/>.</summary>
    public static bool ExtensionInScope(SemanticModel model, int position, ITypeSymbol? receiverType, string name)
        => receiverType is not null && !model.LookupSymbols(position, receiverType, name, includeReducedExtensionMethods: true).IsEmpty;

    private static bool HasEndpointCall(List<string> names)
    {
        foreach (var name in names)
        {
            if ((name.StartsWith("Map", StringComparison.Ordinal) && name != "MapWhen" && name != "Map")
                || name is "UseEndpoints" or "UseMvc" or "UseMvcWithDefaultRoute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>app.A().B();</c> where <c>app</c> is a local or parameter of an application builder type.</summary>
    private static bool IsPipelineStatement(
        ExpressionStatementSyntax statement,
        SemanticModel model,
        INamedTypeSymbol builderInterface,
        CancellationToken cancellationToken,
        out string receiver,
        out List<string> names)
    {
        receiver = string.Empty;
        names = new List<string>();
        ExpressionSyntax? current = statement.Expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            names.Add(member.Name.Identifier.ValueText);
            current = member.Expression;
        }

        if (current is not IdentifierNameSyntax identifier || names.Count == 0)
        {
            return false;
        }

        var type = model.GetTypeInfo(identifier, cancellationToken).Type;
        if (type is null || !(SymbolEqualityComparer.Default.Equals(type, builderInterface) || type.AllInterfaces.Contains(builderInterface, SymbolEqualityComparer.Default)))
        {
            return false;
        }

        receiver = identifier.Identifier.ValueText;
        return true;
    }

    private static IEnumerable<StatementSyntax> SiblingStatements(StatementSyntax statement)
    {
        if (statement.Parent is GlobalStatementSyntax { Parent: CompilationUnitSyntax unit })
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax global)
                {
                    yield return global.Statement;
                }
            }
        }
        else if (statement.Parent is BlockSyntax block)
        {
            foreach (var sibling in block.Statements)
            {
                yield return sibling;
            }
        }
    }

    private static SyntaxTriviaList Indentation(StatementSyntax anchor)
    {
        var leading = anchor.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>The block, or the compilation unit of top-level statements, that holds <paramref name="statement"/>.</summary>
    public static SyntaxNode? BodyOf(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
}
