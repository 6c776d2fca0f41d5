namespace Readiness.Analyzers.Secrets;

/// <summary>Recognises a value written in source as text: a literal, a concatenation of literals, an interpolated string without holes.</summary>
internal static class SecretLiterals
{
    public static bool TryGet(IOperation? operation, out string text)
    {
        text = string.Empty;
        if (operation is null)
        {
            return false;
        }

        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IUtf8StringOperation utf8)
        {
            text = utf8.Value;
            return text.Length > 0;
        }

        var hasLiteral = false;
        if (!IsLiteralText(operation, 0, ref hasLiteral) || !hasLiteral || operation.ConstantValue is not { HasValue: true, Value: string value })
        {
            return false;
        }

        text = value;
        return true;
    }

    /// <summary>
    /// Literal text: a literal, or a constant expression made of literals and constants — <c>"Server=x;" + "Password=y"</c>,
    /// <c>Prefix + "#Adm1n!"</c>, <c>$"Qu3ue!{Year}"</c>. A bare reference to another constant is not literal text here (that
    /// constant's own declaration is where its value is written and reported).
    /// </summary>
    private static bool IsLiteralText(IOperation operation, int depth, ref bool hasLiteral)
    {
        if (depth > 16)
        {
            return false;
        }

        switch (operation)
        {
            case ILiteralOperation:
                hasLiteral = true;
                return true;
            case IConversionOperation { IsImplicit: true } conversion:
                return IsLiteralText(conversion.Operand, depth + 1, ref hasLiteral);
            case IFieldReferenceOperation or ILocalReferenceOperation when depth > 0 && operation.ConstantValue.HasValue:
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return IsLiteralText(binary.LeftOperand, depth + 1, ref hasLiteral) && IsLiteralText(binary.RightOperand, depth + 1, ref hasLiteral);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation)
                    {
                        hasLiteral = true;
                    }
                    else if (part is not IInterpolationOperation { Alignment: null, FormatString: null, Expression.ConstantValue.HasValue: true })
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The names of the methods <see cref="BytesSource"/> reads (<c>GetBytes</c>, <c>FromBase64String</c>,
    /// <c>FromHexString</c>, <c>ToArray</c>): what the syntax of a call can tell before it is bound.
    /// </summary>
    public static bool IsBytesMethodName(string name)
        => name is "GetBytes" or "FromBase64String" or "FromHexString" or "ToArray";

    /// <summary>
    /// The text whose bytes an expression takes: the argument of <c>Encoding.X.GetBytes(…)</c>,
    /// <c>Convert.FromBase64String(…)</c> or <c>Convert.FromHexString(…)</c>, or the <c>"…"u8</c> of <c>"…"u8.ToArray()</c>;
    /// null for anything else.
    /// </summary>
    public static IOperation? BytesSource(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "ToArray" when invocation.Instance is IUtf8StringOperation utf8:
                return utf8;
            case "GetBytes" when invocation.Arguments.Length >= 1 && DerivesFrom(method.ContainingType, "Encoding", "System.Text"):
            case "FromBase64String" or "FromHexString" when invocation.Arguments.Length == 1 && DerivesFrom(method.ContainingType, "Convert", "System"):
                var argument = invocation.Arguments[0].Value;
                return argument.Type?.SpecialType == SpecialType.System_String ? argument : null;
            default:
                return null;
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, string name, string ns)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace?.ToDisplayString() == ns)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name a reference gives to the value it holds: a local, parameter, field, property, or the constant key of an indexer (<c>settings["Jwt:Key"]</c>).</summary>
    public static string? NameOf(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name,
            IPropertyReferenceOperation { Arguments.Length: 1 } indexer
                when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } => key,
            _ => null,
        };
    }
}
