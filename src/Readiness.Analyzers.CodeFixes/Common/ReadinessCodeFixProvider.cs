using Microsoft.CodeAnalysis.Text;

namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// The base of every fix in the package. A provider declares its <see cref="CodeFixProvider.FixableDiagnosticIds"/> and
/// implements <see cref="GetFixAsync"/> for one diagnostic: return its title, equivalence key and edit, or null when the
/// fix does not certainly apply. Registration and Fix All come from here.
/// <para>
/// Fix All (document, project or solution) is one shared document-level fixer built on <see cref="FixAllProvider.Create(System.Func{FixAllContext, Document, ImmutableArray{Diagnostic}, Task{Document}})"/>:
/// in each document it applies the diagnostics' fixes one after another, first span first, each asked for again on the
/// newest document with the diagnostic moved to where its node now is, so every fix sees the edits made before it and
/// none is lost. A diagnostic whose node an earlier fix replaced or removed (or, for a span inside a node, whose text
/// there changed), or whose fix no longer applies (the provider returns null), is skipped; so is a second fix with the
/// same <see cref="ReadinessCodeFix.OncePerDocument"/> name. Every diagnostic of the fix-all context's IDs that the
/// provider fixes is fixed with the one fix it offers, whatever the equivalence key the context was started from.
/// Roslyn's batch fixer is not used: it merges independently computed edits and, with <c>dotnet format</c>, failed at
/// random when some diagnostics of an ID had no fix.
/// </para>
/// </summary>
public abstract class ReadinessCodeFixProvider : CodeFixProvider
{
    private const string TargetAnnotationKind = "Readiness.FixAllTarget";

    private static readonly FixAllProvider DocumentFixAll = FixAllProvider.Create(
        static (context, document, diagnostics) => ((ReadinessCodeFixProvider)context.CodeFixProvider).FixAllInDocumentAsync(context, document, diagnostics));

    public sealed override FixAllProvider GetFixAllProvider() => DocumentFixAll;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        foreach (var diagnostic in context.Diagnostics)
        {
            var fix = await GetFixAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (fix is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellationToken => fix.Edit(document, cancellationToken), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The fix for <paramref name="diagnostic"/> in <paramref name="document"/>, or null when it does not certainly apply
    /// (then no fix is offered, and Fix All skips the diagnostic). Called at registration with the document the diagnostic
    /// was reported on, and by Fix All with the document as the fixes before it left it.
    /// </summary>
    protected abstract Task<ReadinessCodeFix?> GetFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>
    /// Fix All within one document: the fixed document, or null when nothing changed. Override only when applying the fixes
    /// one by one cannot work for the provider, and say why where you override it.
    /// </summary>
    protected virtual async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var targets = new List<Target>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (FixableDiagnosticIds.Contains(diagnostic.Id) && Target.Mark(root, diagnostic) is { } target)
            {
                targets.Add(target);
            }
        }

        if (targets.Count == 0)
        {
            return null;
        }

        var current = document.WithSyntaxRoot(Target.Annotate(root, targets));
        var applied = false;
        var once = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (currentRoot is null || target.Find(currentRoot) is not { } diagnostic)
            {
                continue;
            }

            var fix = await GetFixAsync(current, diagnostic, cancellationToken).ConfigureAwait(false);
            if (fix is null || (fix.OncePerDocument is { } name && !once.Add(name)))
            {
                continue;
            }

            current = await fix.Edit(current, cancellationToken).ConfigureAwait(false);
            applied = true;
        }

        return applied ? current : null;
    }

    /// <summary>
    /// A diagnostic of a Fix All, followed through the edits by an annotation on the node (or token) its span covers; a span
    /// inside a larger node is kept as an offset in that node and accepted only while the text there is unchanged.
    /// </summary>
    private sealed class Target
    {
        private readonly Diagnostic _diagnostic;
        private readonly int _offset;
        private readonly string? _text;

        private Target(Diagnostic diagnostic, SyntaxNodeOrToken marked, int offset, string? text)
        {
            _diagnostic = diagnostic;
            Marked = marked;
            _offset = offset;
            _text = text;
        }

        public SyntaxNodeOrToken Marked { get; }

        public SyntaxAnnotation Annotation { get; } = new(TargetAnnotationKind);

        public static Target? Mark(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node.Span == span)
            {
                return new Target(diagnostic, node, 0, null);
            }

            var token = root.FindToken(span.Start);
            if (token.Span == span)
            {
                return new Target(diagnostic, token, 0, null);
            }

            return node.Span.Contains(span)
                ? new Target(diagnostic, node, span.Start - node.SpanStart, node.ToString().Substring(span.Start - node.SpanStart, span.Length))
                : null;
        }

        public static SyntaxNode Annotate(SyntaxNode root, List<Target> targets)
        {
            var nodes = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            var tokens = new Dictionary<SyntaxToken, List<SyntaxAnnotation>>();
            foreach (var target in targets)
            {
                if (target.Marked.AsNode() is { } node)
                {
                    Add(nodes, node, target.Annotation);
                }
                else
                {
                    Add(tokens, target.Marked.AsToken(), target.Annotation);
                }
            }

            return root.ReplaceSyntax(
                nodes.Keys,
                (original, rewritten) => rewritten.WithAdditionalAnnotations(nodes[original]),
                tokens.Keys,
                (original, rewritten) => rewritten.WithAdditionalAnnotations(tokens[original]),
                null,
                null);
        }

        /// <summary>The diagnostic where its node now is in <paramref name="root"/>, or null when the node is gone or changed under the span.</summary>
        public Diagnostic? Find(SyntaxNode root)
        {
            TextSpan span;
            var found = root.GetAnnotatedNodesAndTokens(Annotation).FirstOrDefault();
            if (found.IsToken)
            {
                span = found.Span;
            }
            else if (found.AsNode() is { } node)
            {
                if (_text is null)
                {
                    span = node.Span;
                }
                else
                {
                    var text = node.ToString();
                    if (_offset + _text.Length > text.Length || string.CompareOrdinal(text, _offset, _text, 0, _text.Length) != 0)
                    {
                        return null;
                    }

                    span = new TextSpan(node.SpanStart + _offset, _text.Length);
                }
            }
            else
            {
                return null;
            }

            var original = _diagnostic;
            var descriptor = original.Descriptor;
            return Diagnostic.Create(
                original.Id,
                descriptor.Category,
                original.GetMessage(),
                original.Severity,
                original.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                original.WarningLevel,
                descriptor.Title,
                descriptor.Description,
                descriptor.HelpLinkUri,
                Location.Create(root.SyntaxTree, span),
                original.AdditionalLocations,
                descriptor.CustomTags,
                original.Properties);
        }

        private static void Add<TKey>(Dictionary<TKey, List<SyntaxAnnotation>> map, TKey key, SyntaxAnnotation annotation)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<SyntaxAnnotation>();
            }

            list.Add(annotation);
        }
    }
}
