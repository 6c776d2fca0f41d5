using System.Globalization;

namespace Readiness.Analyzers.Passwords;

/// <summary>What the password rules share: where they apply, constant reading, the arguments and names a value is read through, password names, and the data passed to the code fix.</summary>
internal static class PasswordRules
{
    /// <summary>Diagnostic property: how the code fix edits the reported expression (see <see cref="FixKinds"/>).</summary>
    public const string FixProperty = "ReadinessFix";

    /// <summary>Diagnostic property: the value the fix writes (an integer in invariant culture).</summary>
    public const string ValueProperty = "ReadinessValue";

    private static readonly HashSet<string> NotNewPasswordQualifiers = new(StringComparer.Ordinal)
    {
        "current", "old", "existing", "previous", "temporary", "temp", "initial", "generated", "random", "one", "otp",
    };

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal) { "password", "passwd", "pwd", "passphrase" };

    private static readonly HashSet<string> PasswordCarrierWords = new(StringComparer.Ordinal)
    {
        "bytes", "data", "buffer", "span", "chars", "input", "value", "text", "plain", "plaintext", "utf",
    };

    /// <summary>A name whose head noun is a password that the user chooses: <c>Password</c>, <c>NewPassword</c>, <c>ConfirmPassword</c>; not <c>CurrentPassword</c>, <c>PasswordHash</c>, <c>PasswordLength</c>.</summary>
    public static bool IsNewPasswordName(string name)
    {
        if (!MayNameAPassword(name) || SensitiveNames.Classify(name, ImmutableArray<string>.Empty) != "a password")
        {
            return false;
        }

        var words = NameWords.Split(name);
        return words.Count < 2 || !NotNewPasswordQualifiers.Contains(words[words.Count - 2]);
    }

    /// <summary>A name that holds a password or its bytes: <c>password</c>, <c>saltedPassword</c>, <c>passwordBytes</c>.</summary>
    public static bool IsPasswordValueName(string name)
    {
        if (!MayNameAPassword(name))
        {
            return false;
        }

        if (SensitiveNames.Classify(name, ImmutableArray<string>.Empty) == "a password")
        {
            return true;
        }

        var words = NameWords.Split(name);
        if (words.Count < 2 || !PasswordCarrierWords.Contains(words[words.Count - 1]))
        {
            return false;
        }

        for (var i = 0; i < words.Count - 1; i++)
        {
            if (PasswordWords.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cheap pre-check before splitting the name into words: every password word contains "pass" or "pwd".</summary>
    private static bool MayNameAPassword(string name)
        => name.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Whether <paramref name="name"/> names a sign-in operation or form (<c>Login</c>, <c>SignInAsync</c>, <c>Authenticate</c>).</summary>
    public static bool IsSignInName(string name)
        => name.IndexOf("Login", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("SignIn", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("LogOn", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Authenticate", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>A sign-in form or its validator (<c>LoginModel</c>, <c>SignInRequest</c>, <c>AuthenticateCommandValidator</c>): its password already exists, its length is not a policy.</summary>
    public static bool IsSignInType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (IsSignInName(current.Name))
            {
                return true;
            }
        }

        return false;
    }

    public static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The argument passed to the parameter named <paramref name="name"/>, or null.</summary>
    public static IArgumentOperation? ArgumentNamed(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The name of the local, parameter, field or property <paramref name="operation"/> reads, or null.</summary>
    public static string? ReferencedName(IOperation operation)
        => operation switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };

    /// <summary>The integer value of a constant expression (literals, <c>const</c> fields and locals, constant arithmetic).</summary>
    public static bool TryGetInt(IOperation operation, out long value)
    {
        var constant = operation.ConstantValue;
        if (!constant.HasValue)
        {
            constant = WithoutConversions(operation).ConstantValue;
        }

        switch (constant.HasValue ? constant.Value : null)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case short s: value = s; return true;
            case byte b: value = b; return true;
            case uint u: value = u; return true;
            default: value = 0; return false;
        }
    }

    public static bool IsConstantFalse(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: false };

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static ImmutableDictionary<string, string?> Fix(string kind, long value = 0)
        => ImmutableDictionary<string, string?>.Empty
            .Add(FixProperty, kind)
            .Add(ValueProperty, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether <paramref name="property"/> is the property <paramref name="name"/> declared on <paramref name="type"/>.</summary>
    public static bool Is(IPropertySymbol property, INamedTypeSymbol? type, string name)
        => type is not null && property.Name == name && SymbolEqualityComparer.Default.Equals(property.ContainingType, type);
}

/// <summary>The edits <c>PasswordsCodeFixProvider</c> knows; the analyzer names one in <see cref="PasswordRules.FixProperty"/>.</summary>
internal static class FixKinds
{
    /// <summary>Replace the integer (or the literal initializer of the <c>const</c> it names) with the value.</summary>
    public const string Integer = "Integer";

    /// <summary>Replace the expression with <c>true</c>.</summary>
    public const string True = "True";

    /// <summary>Replace the expression with <c>TimeSpan.FromMinutes(value)</c>.</summary>
    public const string Minutes = "Minutes";

    /// <summary>Add <c>options.Password.RequiredLength = value</c> to the Identity registration.</summary>
    public const string AddRequiredLength = "AddRequiredLength";
}
