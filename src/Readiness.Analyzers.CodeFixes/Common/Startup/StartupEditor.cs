using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Readiness.Analyzers.Common;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// The one editor of start-up code every fix uses, in both hosting styles: it adds a service registration, a middleware
/// in its documented place (<see cref="MiddlewareOrder"/>), an endpoint mapping, a development-only guard, and the
/// <c>using</c>s those need. Each operation plans its edit on the document it was created for and answers whether the
/// place was found; nothing is written until <see cref="ApplyAsync"/>, so a fix that needs several edits discards the
/// editor when one of them has no certain place. New statements are built with <see cref="SyntaxFactory"/>
/// (<see cref="StartupCall"/>), keep the file's line endings (<see cref="EndOfLine"/>) and are formatted where they go.
/// </summary>
internal sealed partial class StartupEditor
{
    private const string IndentUnit = "    ";
    private const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    private readonly Document _document;
    private readonly SyntaxEditor _editor;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxNode, List<SyntaxNode>> _insertAfter = new();

    private StartupEditor(Document document, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        _document = document;
        _editor = new SyntaxEditor(root, document.Project.Solution.Services);
        _cancellationToken = cancellationToken;
        Root = root;
        Model = model;
        EndOfLine = Common.EndOfLine.Of(root);
        Types = WellKnownTypeProvider.For(model.Compilation);
    }

    /// <summary>The document's root, as it was when the editor was created; every node an operation takes is from it.</summary>
    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public WellKnownTypeProvider Types { get; }

    /// <summary>The line ending new statements get.</summary>
    public SyntaxTrivia EndOfLine { get; }

    /// <summary>An editor of <paramref name="document"/>, or null when it has no syntax or semantic model.</summary>
    public static async Task<StartupEditor?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : new StartupEditor(document, root, model, cancellationToken);
    }

    /// <summary>
    /// Adds <c>builder.Services.Call(…);</c> before <c>builder.Build()</c> (minimal hosting), or <c>services.Call(…);</c> at
    /// the end of <c>Startup.ConfigureServices</c> (before a final <c>return</c>; an expression body becomes a block). With
    /// <paramref name="anchor"/> (a host-creating call, or a node in <c>ConfigureServices</c>), that host; without, the
    /// first of the document.
    /// </summary>
    public bool AddServiceRegistration(StartupCall call, SyntaxNode? anchor = null)
    {
        var (minimal, startup) = Hosts(anchor);
        var services = Types.Get(ServiceCollection);
        if (minimal is not null && (startup?.ConfigureServices is null || minimal.Build.SpanStart < startup.ConfigureServices.SpanStart))
        {
            var receiver = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(minimal.BuilderName), SyntaxFactory.IdentifierName("Services"));
            Insert(minimal.Build, after: false, call, receiver, services);
            return true;
        }

        return startup is { ConfigureServices: { } configureServices, Services: { } parameter }
            && Append(configureServices, call, SyntaxFactory.IdentifierName(parameter.Identifier), services);
    }

    /// <summary>
    /// Adds <c>app.Call(…);</c> in its place in the pipeline (<see cref="MiddlewarePlace.Find"/>, in <paramref name="body"/>
    /// when given); false when the pipeline has no call the order places it against.
    /// </summary>
    public bool AddMiddleware(Middleware middleware, StartupCall call, SyntaxNode? body = null)
    {
        if (FindMiddlewarePlace(middleware, body) is not { } place)
        {
            return false;
        }

        Insert(place.Anchor, place.After, call, SyntaxFactory.IdentifierName(place.Receiver), place.ReceiverType);
        return true;
    }

    /// <summary>Where <paramref name="middleware"/> goes (see <see cref="MiddlewarePlace.Find"/>), for a fix that decides on it first.</summary>
    public MiddlewarePlace? FindMiddlewarePlace(Middleware middleware, SyntaxNode? body = null, StatementSyntax? excluded = null)
        => MiddlewarePlace.Find(Root, Model, middleware, body, excluded, _cancellationToken);

    /// <summary>Moves <paramref name="statement"/> (a middleware call with no comments around it) to <paramref name="place"/>.</summary>
    public void MoveMiddleware(StatementSyntax statement, MiddlewarePlace place)
    {
        _editor.RemoveNode(Outer(statement), SyntaxRemoveOptions.KeepNoTrivia);
        Insert(place.Anchor, place.After, Lay(statement.WithoutTrivia(), IndentationAt(place.Anchor.SpanStart)));
    }

    /// <summary>
    /// Adds <c>app.Call(…);</c> first in the pipeline: right after <c>builder.Build()</c>, or first in <c>Startup.Configure</c>,
    /// for a middleware that must answer before any other runs.
    /// </summary>
    public bool AddMiddlewareFirst(StartupCall call, SyntaxNode? anchor = null)
    {
        var (minimal, startup) = Hosts(anchor);
        if (minimal is not null && (startup?.Configure is null || minimal.Build.SpanStart < startup.Configure.SpanStart))
        {
            Insert(minimal.Build, after: true, call, SyntaxFactory.IdentifierName(minimal.AppName), TypeOf(minimal.App));
            return true;
        }

        if (startup is not { Configure.Body: { } body, App: { } app })
        {
            return false;
        }

        var receiver = SyntaxFactory.IdentifierName(app.Identifier);
        if (body.Statements.Count == 0)
        {
            return Append(body, call, receiver, TypeOf(app));
        }

        Insert(body.Statements[0], after: false, call, receiver, TypeOf(app));
        return true;
    }

    /// <summary>
    /// Adds <c>app.Call(…);</c> before <c>app.Run()</c> (minimal hosting), or <c>endpoints.Call(…);</c> at the end of the
    /// lambda of <c>app.UseEndpoints(endpoints => …)</c> in <c>Startup.Configure</c> (an expression lambda becomes a block).
    /// False when there is no such place.
    /// </summary>
    public bool AddEndpoint(StartupCall call, SyntaxNode? anchor = null)
    {
        var (minimal, startup) = Hosts(anchor);
        if (minimal is not null && (startup?.Configure is null || minimal.Build.SpanStart < startup.Configure.SpanStart))
        {
            if (minimal.Run is null)
            {
                return false;
            }

            Insert(minimal.Run, after: false, call, SyntaxFactory.IdentifierName(minimal.AppName), TypeOf(minimal.App));
            return true;
        }

        foreach (var invocation in startup?.Configure?.Body?.DescendantNodes().OfType<InvocationExpressionSyntax>() ?? Enumerable.Empty<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseEndpoints" }
                && invocation.ArgumentList.Arguments.Count == 1
                && invocation.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax lambda)
            {
                return Append(lambda, call, SyntaxFactory.IdentifierName(lambda.Parameter.Identifier), TypeOf(lambda.Parameter));
            }
        }

        return false;
    }

    /// <summary>Adds <c>using <paramref name="namespace"/>;</c> when the edit is applied (once, in order).</summary>
    public void Import(string @namespace) => _namespaces.Add(@namespace);

    /// <summary>The document with every planned edit, its <c>using</c>s, and the new statements formatted with the file's line ending.</summary>
    public async Task<Document> ApplyAsync()
    {
        foreach (var pair in _insertAfter)
        {
            _editor.InsertAfter(pair.Key, pair.Value);
        }

        _insertAfter.Clear();
        var changed = _document.WithSyntaxRoot(Imports.Ensure(_editor.GetChangedRoot(), _namespaces));
        var options = changed.Project.Solution.Options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, EndOfLine.ToString());
        return await Formatter.FormatAsync(changed, Formatter.Annotation, options, _cancellationToken).ConfigureAwait(false);
    }

    private (MinimalHost? Minimal, StartupClass? Startup) Hosts(SyntaxNode? anchor)
        => (MinimalHost.Find(Root, Model, anchor, _cancellationToken), StartupClass.Find(Root, Model, anchor, _cancellationToken));

    private ITypeSymbol? TypeOf(SyntaxNode declaration)
        => Model.GetDeclaredSymbol(declaration, _cancellationToken) switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

    /// <summary>Plans <c>receiver.Call(…);</c> next to <paramref name="anchor"/>, and the <c>using</c>s it needs there.</summary>
    private void Insert(StatementSyntax anchor, bool after, StartupCall call, ExpressionSyntax receiver, ITypeSymbol? receiverType)
    {
        NeedImports(call, anchor.SpanStart, receiverType);
        Insert(anchor, after, Statement(call, receiver, IndentationAt(anchor.SpanStart)));
    }

    private void Insert(StatementSyntax anchor, bool after, StatementSyntax statement)
    {
        var target = Outer(anchor);
        var node = target is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(statement).WithAdditionalAnnotations(Formatter.Annotation) : (SyntaxNode)statement;
        if (!after)
        {
            _editor.InsertBefore(target, node);
            return;
        }

        // Inserted together when applied: inserting after the same node one by one would reverse their order.
        if (!_insertAfter.TryGetValue(target, out var list))
        {
            _insertAfter[target] = list = new List<SyntaxNode>();
        }

        list.Add(node);
    }

    /// <summary>Plans <c>receiver.Call(…);</c> at the end of the body of <paramref name="owner"/> (a method, a lambda or a block).</summary>
    private bool Append(SyntaxNode owner, StartupCall call, ExpressionSyntax receiver, ITypeSymbol? receiverType)
    {
        var (block, expression) = owner switch
        {
            BlockSyntax b => (b, null),
            BaseMethodDeclarationSyntax method => (method.Body, method.ExpressionBody?.Expression),
            AnonymousFunctionExpressionSyntax lambda => (lambda.Block, lambda.ExpressionBody),
            _ => default((BlockSyntax?, ExpressionSyntax?)),
        };

        string indentation, outerIndentation;
        int position;
        if (block is not null)
        {
            var last = block.Statements.LastOrDefault();
            outerIndentation = IndentationAt(block.SpanStart);
            indentation = last is not null ? IndentationAt(last.SpanStart) : outerIndentation + IndentUnit;
            position = last?.SpanStart ?? block.OpenBraceToken.Span.End;
        }
        else if (expression is InvocationExpressionSyntax or AwaitExpressionSyntax
            && (owner is not MethodDeclarationSyntax method || method.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "void" }))
        {
            outerIndentation = IndentationAt(owner.SpanStart);
            indentation = outerIndentation + IndentUnit;
            position = expression.SpanStart;
        }
        else
        {
            return false;
        }

        NeedImports(call, position, receiverType);
        var statement = Statement(call, receiver, indentation);
        _editor.ReplaceNode(owner, (current, _) => Layout.Append(current, statement, indentation, outerIndentation, EndOfLine));
        return true;
    }

    private void NeedImports(StartupCall call, int position, ITypeSymbol? receiverType)
    {
        if (!InScope.Method(Model, position, receiverType, call.Method))
        {
            _namespaces.Add(call.Namespace);
        }

        foreach (var (name, metadataName, @namespace) in call.Types)
        {
            if (!InScope.Type(Model, position, name, metadataName))
            {
                _namespaces.Add(@namespace);
            }
        }
    }

    private StatementSyntax Statement(StartupCall call, ExpressionSyntax receiver, string indentation)
        => Lay(SyntaxFactory.ExpressionStatement(call.On(receiver)), indentation);

    /// <summary>A new statement as it goes in the file: at <paramref name="indentation"/>, its inner lines too, ending with the file's line ending.</summary>
    private StatementSyntax Lay(StatementSyntax statement, string indentation)
        => Layout.Indent(Layout.WithEndOfLine(statement, EndOfLine), indentation)
            .WithLeadingTrivia(Layout.Whitespace(indentation))
            .WithTrailingTrivia(EndOfLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>The whitespace that starts the line of <paramref name="position"/>.</summary>
    private string IndentationAt(int position)
    {
        var text = Root.SyntaxTree.GetText(_cancellationToken);
        var line = text.Lines.GetLineFromPosition(position);
        var end = line.Start;
        while (end < line.End && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(line.Start, end));
    }

    /// <summary>A top-level statement is edited through its <c>GlobalStatementSyntax</c>.</summary>
    private static SyntaxNode Outer(StatementSyntax statement) => statement.Parent is GlobalStatementSyntax global ? global : statement;
}
