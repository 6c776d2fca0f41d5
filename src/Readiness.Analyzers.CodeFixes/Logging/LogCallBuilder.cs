using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Operations;

namespace Readiness.Analyzers.CodeFixes.Logging;

/// <summary>
/// Turns the arguments of a console/debug/trace write into the arguments of a structured <c>ILogger</c> call:
/// a constant message template with named placeholders, the values in order, and an exception as the exception argument.
/// Returns null where no faithful translation exists (no fix is offered then).
/// </summary>
internal sealed class LogCall
{
    private static readonly Regex CompositeItem = new(
        @"\{(?<index>\d+)(?<align>,\s*-?\d+)?(?<format>:[^{}]*)?\}",
        RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    private LogCall(string level, ExpressionSyntax? exception, string template, List<ExpressionSyntax> arguments)
    {
        Level = level;
        Exception = exception;
        Template = template;
        Arguments = arguments;
    }

    /// <summary>The extension method to call, e.g. <c>LogInformation</c>.</summary>
    public string Level { get; }

    public ExpressionSyntax? Exception { get; }

    /// <summary>The message template's value (not yet a C# literal).</summary>
    public string Template { get; }

    public List<ExpressionSyntax> Arguments { get; }

    public ArgumentListSyntax ToArgumentList()
    {
        var arguments = new List<ArgumentSyntax>();
        if (Exception is not null)
        {
            arguments.Add(SyntaxFactory.Argument(Exception.WithoutTrivia()));
        }

        arguments.Add(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Template))));
        foreach (var argument in Arguments)
        {
            arguments.Add(SyntaxFactory.Argument(argument.WithoutTrivia()));
        }

        return SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments));
    }

    public static LogCall? Create(IInvocationOperation invocation, string level, INamedTypeSymbol? exceptionType, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (method.Name.EndsWith("If", StringComparison.Ordinal))
        {
            return null;
        }

        var values = new List<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.IsImplicit && argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return null;
                }

                values.AddRange(initializer.ElementValues);
                continue;
            }

            if (argument.ArgumentKind != ArgumentKind.Explicit)
            {
                return null;
            }

            values.Add(argument.Value);
        }

        if (values.Count == 0)
        {
            return null;
        }

        var names = new PlaceholderNames();
        var first = method.Parameters.Length > 0 ? method.Parameters[0] : null;
        if (first is { Name: "format", Type.SpecialType: SpecialType.System_String })
        {
            return FromCompositeFormat(values, level, names);
        }

        if (values.Count != 1 || first is null || first.Name is "buffer" or "category")
        {
            return null;
        }

        var value = Unwrap(values[0]);
        if (value.Type is IArrayTypeSymbol || value.Type?.TypeKind == TypeKind.Error)
        {
            return null;
        }

        if (IsException(value.Type, exceptionType))
        {
            return new LogCall("LogError", (ExpressionSyntax)value.Syntax, "An error occurred", new List<ExpressionSyntax>());
        }

        var template = new StringBuilder();
        var arguments = new List<ExpressionSyntax>();
        ExpressionSyntax? exception = null;
        if (!AppendValue(value, template, arguments, names, exceptionType, ref exception, cancellationToken))
        {
            return null;
        }

        if (exception is not null && level == "LogInformation")
        {
            level = "LogError";
        }

        return new LogCall(level, exception, template.ToString().TrimEnd(), arguments);
    }

    private static LogCall? FromCompositeFormat(List<IOperation> values, string level, PlaceholderNames names)
    {
        if (Unwrap(values[0]) is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string format } })
        {
            return null;
        }

        if (format.IndexOf("{{", StringComparison.Ordinal) >= 0 || format.IndexOf("}}", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var template = new StringBuilder();
        var arguments = new List<ExpressionSyntax>();
        var used = new HashSet<int>();
        var position = 0;
        foreach (Match match in CompositeItem.Matches(format))
        {
            var literal = format.Substring(position, match.Index - position);
            if (literal.IndexOf('{') >= 0 || literal.IndexOf('}') >= 0)
            {
                return null;
            }

            template.Append(literal);
            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index + 1 >= values.Count || !used.Add(index))
            {
                return null;
            }

            var value = Unwrap(values[index + 1]);
            template.Append('{').Append(names.For(value)).Append(match.Groups["align"].Value).Append(match.Groups["format"].Value).Append('}');
            arguments.Add((ExpressionSyntax)value.Syntax);
            position = match.Index + match.Length;
        }

        var rest = format.Substring(position);
        if (rest.IndexOf('{') >= 0 || rest.IndexOf('}') >= 0)
        {
            return null;
        }

        template.Append(rest);
        if (used.Count != values.Count - 1)
        {
            return null;
        }

        return new LogCall(level, null, template.ToString(), arguments);
    }

    /// <summary>Appends one value to the template: text for literals, a placeholder for everything else.</summary>
    private static bool AppendValue(
        IOperation value,
        StringBuilder template,
        List<ExpressionSyntax> arguments,
        PlaceholderNames names,
        INamedTypeSymbol? exceptionType,
        ref ExpressionSyntax? exception,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        value = Unwrap(value);
        switch (value)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                template.Append(EscapeBraces(text));
                return true;

            case IInterpolatedStringOperation interpolated:
                if (interpolated.Syntax is not InterpolatedStringExpressionSyntax syntax
                    || syntax.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
                    || syntax.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken))
                {
                    return false;
                }

                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text when text.Syntax is InterpolatedStringTextSyntax textSyntax:
                            template.Append(EscapeBraces(textSyntax.TextToken.ValueText));
                            break;

                        case IInterpolationOperation hole when hole.Syntax is InterpolationSyntax holeSyntax:
                            var expression = Unwrap(hole.Expression);
                            if (exception is null && holeSyntax.AlignmentClause is null && holeSyntax.FormatClause is null
                                && IsException(expression.Type, exceptionType))
                            {
                                exception = (ExpressionSyntax)expression.Syntax;
                                TrimSeparator(template);
                                break;
                            }

                            template.Append('{').Append(names.For(expression));
                            if (holeSyntax.AlignmentClause is { } alignment)
                            {
                                template.Append(',').Append(alignment.Value.ToString().Replace(" ", string.Empty));
                            }

                            if (holeSyntax.FormatClause is { } formatClause)
                            {
                                template.Append(':').Append(formatClause.FormatStringToken.ValueText);
                            }

                            template.Append('}');
                            arguments.Add((ExpressionSyntax)expression.Syntax);
                            break;

                        default:
                            return false;
                    }
                }

                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                return AppendValue(binary.LeftOperand, template, arguments, names, exceptionType, ref exception, cancellationToken)
                    && AppendValue(binary.RightOperand, template, arguments, names, exceptionType, ref exception, cancellationToken);

            default:
                if (value.Type is IArrayTypeSymbol || value.Syntax is not ExpressionSyntax valueSyntax)
                {
                    return false;
                }

                template.Append('{').Append(names.For(value)).Append('}');
                arguments.Add(valueSyntax);
                return true;
        }
    }

    private static void TrimSeparator(StringBuilder template)
    {
        var length = template.Length;
        while (length > 0 && (char.IsWhiteSpace(template[length - 1]) || template[length - 1] is ':' or '-' or ',' or '|'))
        {
            length--;
        }

        template.Length = length;
    }

    private static string EscapeBraces(string text) => text.Replace("{", "{{").Replace("}", "}}");

    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    internal static bool IsException(ITypeSymbol? type, INamedTypeSymbol? exceptionType)
    {
        for (var current = type; current is not null && exceptionType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, exceptionType))
            {
                return true;
            }
        }

        return false;
    }
}
