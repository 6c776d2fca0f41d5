using System.Text;

namespace Readiness.Analyzers.CodeFixes.Logging;

/// <summary>
/// Names message-template placeholders after the values they hold (<c>user.Id</c> → <c>UserId</c>,
/// <c>order.GetTotal()</c> → <c>OrderTotal</c>, <c>ex.Message</c> → <c>ErrorMessage</c>), unique within one template.
/// </summary>
internal sealed class PlaceholderNames
{
    private readonly HashSet<string> _used = new();

    public string For(IOperation value)
    {
        var name = Pascal(Describe(value.Syntax as ExpressionSyntax, value));
        if (name.Length == 0 || !char.IsLetter(name[0]))
        {
            name = "Value" + name;
        }

        var unique = name;
        for (var i = 2; !_used.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static string Describe(ExpressionSyntax? syntax, IOperation value)
    {
        switch (syntax)
        {
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText;

            case MemberAccessExpressionSyntax member:
                var memberName = member.Name.Identifier.ValueText;
                if (memberName == "Message" && value is Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation { Instance.Type: { } instanceType } && IsExceptionLike(instanceType))
                {
                    return "ErrorMessage";
                }

                if (member.Expression is ThisExpressionSyntax || IsTypeReceiver(value))
                {
                    return memberName;
                }

                return LastName(member.Expression) + Pascal(memberName);

            case InvocationExpressionSyntax invocation:
                var method = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (method.StartsWith("Get", System.StringComparison.Ordinal) && method.Length > 3)
                {
                    method = method.Substring(3);
                }

                return invocation.Expression is MemberAccessExpressionSyntax receiver && !IsTypeReceiver(value)
                    ? LastName(receiver.Expression) + Pascal(method)
                    : method;

            case ElementAccessExpressionSyntax element:
                return LastName(element.Expression) + "Item";

            case ParenthesizedExpressionSyntax parenthesized:
                return Describe(parenthesized.Expression, value);

            default:
                return "Value";
        }
    }

    private static bool IsTypeReceiver(IOperation value) => value switch
    {
        Microsoft.CodeAnalysis.Operations.IMemberReferenceOperation member => member.Instance is null,
        Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation => invocation.Instance is null && !invocation.TargetMethod.IsExtensionMethod,
        _ => false,
    };

    private static bool IsExceptionLike(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Exception" && current.ContainingNamespace?.Name == "System")
            {
                return true;
            }
        }

        return false;
    }

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        InvocationExpressionSyntax invocation => LastName(invocation.Expression),
        _ => string.Empty,
    };

    private static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }
}
