namespace Readiness.Analyzers.CodeFixes.Common;

/// <summary>
/// The one way a fix adds a <c>using</c> directive: once, among the compilation unit's plain usings, <c>System</c>
/// namespaces first and then in ordinal order, after any <c>global using</c> and before the first alias or
/// <c>using static</c>; in a file without usings, below its header comments with a blank line before the code.
/// Callers decide whether the namespace is needed (a semantic question); this only writes the directive.
/// </summary>
internal static class Imports
{
    /// <summary>Orders namespace names as the directives are kept: <c>System</c> and <c>System.*</c> first, then ordinal.</summary>
    public static readonly IComparer<string> Order = Comparer<string>.Create(Compare);

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> unless the compilation unit already has it.</summary>
    public static SyntaxNode Ensure(SyntaxNode root, string namespaceName)
    {
        if (root is not CompilationUnitSyntax unit || Has(unit, namespaceName))
        {
            return root;
        }

        var endOfLine = EndOfLine.Of(root);
        // Written out in full (no elastic trivia), so the text does not wait for the code action's formatting.
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).NormalizeWhitespace().WithTrailingTrivia(endOfLine);
        var usings = unit.Usings;
        if (usings.Count == 0)
        {
            // The file's leading trivia (a header comment) stays above the directive; a blank line separates it from the code.
            var first = unit.GetFirstToken(includeZeroWidth: true);
            directive = directive.WithLeadingTrivia(first.LeadingTrivia);
            unit = unit.ReplaceToken(first, first.WithLeadingTrivia(endOfLine));
            return unit.WithUsings(unit.Usings.Add(directive));
        }

        var index = 0;
        while (index < usings.Count && !usings[index].GlobalKeyword.IsKind(SyntaxKind.None))
        {
            index++;
        }

        while (index < usings.Count && IsPlain(usings[index]) && Compare(usings[index].Name!.ToString(), namespaceName) < 0)
        {
            index++;
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    /// <summary>Adds each namespace as <see cref="Ensure(SyntaxNode, string)"/> does, in directive order.</summary>
    public static SyntaxNode Ensure(SyntaxNode root, IEnumerable<string> namespaceNames)
    {
        foreach (var name in namespaceNames.Distinct(StringComparer.Ordinal).OrderBy(n => n, Order))
        {
            root = Ensure(root, name);
        }

        return root;
    }

    private static bool Has(CompilationUnitSyntax unit, string namespaceName)
    {
        foreach (var existing in unit.Usings)
        {
            if (existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name?.ToString() == namespaceName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlain(UsingDirectiveSyntax directive)
        => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null;

    private static int Compare(string existing, string added)
    {
        var existingSystem = IsSystem(existing);
        var addedSystem = IsSystem(added);
        if (existingSystem != addedSystem)
        {
            return existingSystem ? -1 : 1;
        }

        return string.CompareOrdinal(existing, added);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
