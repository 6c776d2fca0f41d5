using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Readiness.Analyzers.Passwords;

/// <summary>
/// One syntax pass over the compilation, made at most once and only when Identity is registered: does any code set
/// <c>RequiredLength</c>, or bind Identity's password options from configuration? If so, the absence form of RDY4001
/// stays silent, and RDY4002 does not assume the default length.
/// </summary>
internal sealed class IdentityOptionsScan
{
    private static readonly ConditionalWeakTable<Compilation, IdentityOptionsScan> Cache = new();

    private IdentityOptionsScan(bool passwordLengthMayBeSet) => PasswordLengthMayBeSet = passwordLengthMayBeSet;

    /// <summary>True when some code names <c>RequiredLength</c>, or configures <c>IdentityOptions</c>/<c>PasswordOptions</c> other than through a lambda.</summary>
    public bool PasswordLengthMayBeSet { get; }

    public static IdentityOptionsScan For(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var scan))
        {
            return scan;
        }

        scan = new IdentityOptionsScan(Scan(compilation, cancellationToken));
        return Cache.GetValue(compilation, _ => scan);
    }

    private static bool Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A plain text search rules most files out before any syntax node is materialised.
            var source = tree.GetText(cancellationToken).ToString();
            if (source.IndexOf("RequiredLength", System.StringComparison.Ordinal) < 0
                && source.IndexOf("IdentityOptions", System.StringComparison.Ordinal) < 0
                && source.IndexOf("PasswordOptions", System.StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken))
                {
                    continue;
                }

                var text = token.ValueText;
                if (text == "RequiredLength")
                {
                    return true;
                }

                if ((text == "IdentityOptions" || text == "PasswordOptions") && IsBoundOutsideALambda(token))
                {
                    return true;
                }
            }
        }

        return false;
    }

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
