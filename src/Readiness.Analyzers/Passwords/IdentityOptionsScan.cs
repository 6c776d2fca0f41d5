namespace Readiness.Analyzers.Passwords;

/// <summary>
/// One scan of the compilation's text for three names, made at most once and only when Identity is registered: does any code set
/// <c>RequiredLength</c>, or bind Identity's password options from configuration? If so, the absence form of RDY4001
/// stays silent, and RDY4002 does not assume the default length.
/// </summary>
internal sealed class IdentityOptionsScan
{
    private static readonly Memo<Compilation, IdentityOptionsScan> Scans = new(static (compilation, cancellationToken) => new IdentityOptionsScan(Scan(compilation, cancellationToken)));

    private IdentityOptionsScan(bool passwordLengthMayBeSet) => PasswordLengthMayBeSet = passwordLengthMayBeSet;

    /// <summary>True when some code names <c>RequiredLength</c>, or configures <c>IdentityOptions</c>/<c>PasswordOptions</c> other than through a lambda.</summary>
    public bool PasswordLengthMayBeSet { get; }

    public static IdentityOptionsScan For(Compilation compilation, CancellationToken cancellationToken)
        => Scans.Get(compilation, cancellationToken);

    private static bool Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();

            foreach (var token in Names.In(tree, cancellationToken))
            {
                if (token.ValueText == "RequiredLength" || IsBoundOutsideALambda(token))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Where each file writes the names of interest, kept per tree: after an edit only that file is scanned again.</summary>
    private static readonly CachedNameScan Names = new(IsNameOfInterest);

    private static bool IsNameOfInterest(string text, int start, int length)
        => SourceScan.Is(text, start, length, "RequiredLength")
            || SourceScan.Is(text, start, length, "IdentityOptions")
            || SourceScan.Is(text, start, length, "PasswordOptions");

    /// <summary><c>Configure&lt;IdentityOptions&gt;(section)</c>, <c>AddOptions&lt;IdentityOptions&gt;().Bind(…)</c>, <c>IConfigureOptions&lt;IdentityOptions&gt;</c>: yes; <c>Configure&lt;IdentityOptions&gt;(o => …)</c>: no.</summary>
    private static bool IsBoundOutsideALambda(SyntaxToken token)
    {
        if (token.Parent?.Parent is not TypeArgumentListSyntax { Parent: GenericNameSyntax generic })
        {
            // Parameter types (Action<IdentityOptions>, Configure(IdentityOptions options)) and the like: look at the body instead.
            return false;
        }

        var name = generic.Identifier.ValueText;
        if (name is "Configure" or "PostConfigure" or "ConfigureAll" or "PostConfigureAll")
        {
            var invocation = generic.Parent is MemberAccessExpressionSyntax access ? access.Parent : generic.Parent;
            if (invocation is InvocationExpressionSyntax call)
            {
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (argument.Expression is not LambdaExpressionSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return name is "AddOptions" or "IConfigureOptions" or "IPostConfigureOptions" or "IConfigureNamedOptions" or "Bind" or "Get";
    }
}
