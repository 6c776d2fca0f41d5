using System.Globalization;

namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1005: a signing or encryption key is built from a constant — <c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>,
/// <c>new HMACSHA256(Convert.FromBase64String("…"))</c>, <c>HMACSHA256.HashData("…"u8.ToArray(), data)</c>,
/// <c>aes.Key = new byte[] { … }</c>. The message gives the key length and says when it is shorter than the algorithm
/// needs (32 bytes for HS256/HMAC-SHA256, 48 for SHA-384, 64 for SHA-512). The sinks are a table, easy to extend.
/// A constant whose own name is secret-named is left to RDY1002 unless the key is also too short.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedKeyMaterialAnalyzer : ReadinessAnalyzer
{
    /// <summary>(metadata name, member: ".ctor", a static method name or a property name, parameter name, what the key is, minimum bytes).</summary>
    private static readonly (string Type, string Member, string Parameter, string Kind, int MinimumBytes)[] Sinks =
    {
        ("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey", ".ctor", "key", "JWT signing", 32),
        ("System.Security.Cryptography.HMACSHA256", ".ctor", "key", "HMAC-SHA256", 32),
        ("System.Security.Cryptography.HMACSHA384", ".ctor", "key", "HMAC-SHA384", 48),
        ("System.Security.Cryptography.HMACSHA512", ".ctor", "key", "HMAC-SHA512", 64),
        ("System.Security.Cryptography.HMACSHA1", ".ctor", "key", "HMAC-SHA1", 20),
        ("System.Security.Cryptography.HMACMD5", ".ctor", "key", "HMAC-MD5", 16),
        ("System.Security.Cryptography.HMACSHA256", "HashData", "key", "HMAC-SHA256", 32),
        ("System.Security.Cryptography.HMACSHA384", "HashData", "key", "HMAC-SHA384", 48),
        ("System.Security.Cryptography.HMACSHA512", "HashData", "key", "HMAC-SHA512", 64),
        ("System.Security.Cryptography.SymmetricAlgorithm", "Key", "value", "encryption", 16),
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1005_HardcodedKeyMaterial);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var sinks = ImmutableArray.CreateBuilder<(INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)>();
        foreach (var sink in Sinks)
        {
            if (environment.Types.Get(sink.Type) is { } type)
            {
                sinks.Add((type, sink.Member, sink.Parameter, sink.Kind, sink.MinimumBytes));
            }
        }

        if (sinks.Count == 0)
        {
            return;
        }

        var table = sinks.ToImmutable();
        var encoding = environment.Types.Get("System.Text.Encoding");
        var convert = environment.Types.Get("System.Convert");
        var cache = new SecretsSettingsCache(environment);
        var typeNames = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        var memberNames = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var sink in table)
        {
            if (sink.Member == ".ctor")
            {
                typeNames.Add(sink.Type.Name);
            }
            else
            {
                memberNames.Add(sink.Member);
            }
        }

        start.RegisterObjectCreationAction(typeNames.Contains, context => Analyze(context, table, encoding, convert, cache));
        start.RegisterInvocationAction(
            memberNames.Contains,
            method => method.IsStatic && IsSink(method.ContainingType, method.Name, table),
            context => Analyze(context, table, encoding, convert, cache));
        start.RegisterAssignmentAction(
            static name => name == "Key",
            target => target is IPropertySymbol { Name: "Key" } property && KeySinkOf(property, table) is not null,
            context => Analyze(context, table, encoding, convert, cache));
    }

    private static void Analyze(
        OperationContext context,
        ImmutableArray<(INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)> sinks,
        INamedTypeSymbol? encoding,
        INamedTypeSymbol? convert,
        SecretsSettingsCache cache)
    {
        IOperation? key = null;
        string? kind = null;
        var minimum = 0;
        switch (context.Operation)
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                Match(constructor.ContainingType, ".ctor", creation.Arguments, sinks, ref key, ref kind, ref minimum);
                break;
            case IInvocationOperation { TargetMethod.IsStatic: true } invocation:
                Match(invocation.TargetMethod.ContainingType, invocation.TargetMethod.Name, invocation.Arguments, sinks, ref key, ref kind, ref minimum);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Key" } property } assignment
                when KeySinkOf(property.Property, sinks) is { } keySink:
                key = assignment.Value;
                kind = keySink.Kind;
                minimum = keySink.MinimumBytes;
                break;
        }

        if (key is null || kind is null || !TryGetConstantBytes(key, encoding, convert, out var length, out var inline, out var constantName))
        {
            return;
        }

        var settings = cache.For(key.Syntax.SyntaxTree);
        if (settings is null)
        {
            return;
        }

        var tooShort = length < minimum;
        if (!inline && !tooShort && constantName is not null && settings.Classify(constantName).IsSecret)
        {
            return; // RDY1002 reports the constant's declaration
        }

        var shortNote = tooShort
            ? ", shorter than the " + minimum.ToString(CultureInfo.InvariantCulture) + " bytes " + kind + " needs"
            : string.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY1005_HardcodedKeyMaterial,
            key.Syntax.GetLocation(),
            kind,
            length.ToString(CultureInfo.InvariantCulture) + " bytes" + shortNote));
    }

    /// <summary>Whether <paramref name="member"/> of <paramref name="type"/> is one of the sinks (the symbol test made before binding).</summary>
    private static bool IsSink(
        INamedTypeSymbol? type,
        string member,
        ImmutableArray<(INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)> sinks)
    {
        foreach (var sink in sinks)
        {
            if (sink.Member == member && SymbolEqualityComparer.Default.Equals(type, sink.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sink a <c>Key</c> property belongs to: that of its type or of the nearest base type that is one (<c>Aes.Key</c>
    /// is <c>SymmetricAlgorithm.Key</c>); null for any other property. The symbol test before binding and the operation
    /// check share it.
    /// </summary>
    private static (INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)? KeySinkOf(
        IPropertySymbol property,
        ImmutableArray<(INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)> sinks)
    {
        for (var type = property.ContainingType; type is not null; type = type.BaseType)
        {
            (INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)? found = null;
            foreach (var sink in sinks)
            {
                if (sink.Member == "Key" && SymbolEqualityComparer.Default.Equals(type, sink.Type))
                {
                    found = sink;
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static void Match(
        INamedTypeSymbol? type,
        string member,
        ImmutableArray<IArgumentOperation> arguments,
        ImmutableArray<(INamedTypeSymbol Type, string Member, string Parameter, string Kind, int MinimumBytes)> sinks,
        ref IOperation? key,
        ref string? kind,
        ref int minimum)
    {
        if (type is null)
        {
            return;
        }

        foreach (var sink in sinks)
        {
            if (sink.Member != member || !SymbolEqualityComparer.Default.Equals(type, sink.Type))
            {
                continue;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == sink.Parameter && argument.Parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
                {
                    key = argument.Value;
                    kind = sink.Kind;
                    minimum = sink.MinimumBytes;
                    return;
                }
            }
        }
    }

    /// <summary>Bytes from a constant: <c>Encoding.X.GetBytes(const)</c>, <c>Convert.FromBase64String(const)</c>, <c>Convert.FromHexString(const)</c>, <c>"…"u8.ToArray()</c>, <c>new byte[] { constants }</c>.</summary>
    private static bool TryGetConstantBytes(IOperation operation, INamedTypeSymbol? encoding, INamedTypeSymbol? convert, out int length, out bool inline, out string? constantName)
    {
        length = 0;
        inline = false;
        constantName = null;
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        switch (operation)
        {
            case IInvocationOperation { Arguments.Length: >= 1 } invocation:
            {
                var method = invocation.TargetMethod;
                var argument = invocation.Arguments[0].Value;
                if (method.Name == "ToArray" && invocation.Instance is IUtf8StringOperation utf8)
                {
                    length = System.Text.Encoding.UTF8.GetByteCount(utf8.Value);
                    inline = true;
                    return true;
                }

                if (argument.ConstantValue is not { HasValue: true, Value: string text })
                {
                    return false;
                }

                inline = SecretLiterals.TryGet(argument, out _);
                constantName = inline ? null : SecretLiterals.NameOf(argument);
                if (method.Name == "GetBytes" && WellKnownTypeProvider.DerivesFrom(method.ContainingType, encoding))
                {
                    length = System.Text.Encoding.UTF8.GetByteCount(text);
                    return text.Length > 0;
                }

                if (method.Name == "FromBase64String" && SymbolEqualityComparer.Default.Equals(method.ContainingType, convert))
                {
                    try
                    {
                        length = Convert.FromBase64String(text).Length;
                        return length > 0;
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                }

                if (method.Name == "FromHexString" && SymbolEqualityComparer.Default.Equals(method.ContainingType, convert))
                {
                    length = text.Length / 2;
                    return length > 0;
                }

                return false;
            }

            case IInvocationOperation { Arguments.Length: 0, TargetMethod.Name: "ToArray", Instance: IUtf8StringOperation utf8String }:
                length = System.Text.Encoding.UTF8.GetByteCount(utf8String.Value);
                inline = true;
                return length > 0;

            case IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (!element.ConstantValue.HasValue)
                    {
                        return false;
                    }
                }

                length = initializer.ElementValues.Length;
                inline = true;
                return true;

            default:
                return false;
        }
    }
}
