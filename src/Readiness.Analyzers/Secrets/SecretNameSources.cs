namespace Readiness.Analyzers.Secrets;

/// <summary>
/// What RDY1002's two readers decide alike: the syntax filter (<see cref="SecretTargets"/>, on names as written, before
/// anything is bound) and the bound reading (<see cref="NamedValues"/>, on symbols). Which calls pair a key with a value,
/// which members' returned values answer to their name, and which names the rule reports are each written once, here, so
/// the filter stays a necessary condition of what the reading can report.
/// </summary>
internal static class SecretNameSources
{
    /// <summary>The type whose constructor pairs a key with a value, as written: <c>new KeyValuePair&lt;,&gt;("ApiKey", "…")</c>.</summary>
    public const string KeyValuePairName = "KeyValuePair";

    /// <summary>
    /// The methods whose first argument names the second — <c>Add("ApiKey", "…")</c>, <c>TryAdd</c>, <c>Append</c>,
    /// <c>Set</c>, <c>SetEnvironmentVariable</c>, <c>AddOrUpdate</c>, <c>TryAddWithoutValidation</c>, <c>Upsert</c>.
    /// </summary>
    public static bool IsKeyedPairMethod(string name)
        => name is "Add" or "TryAdd" or "Append" or "Set" or "SetEnvironmentVariable" or "AddOrUpdate" or "TryAddWithoutValidation" or "Upsert";

    /// <summary>A bound keyed-pair call: one of <see cref="IsKeyedPairMethod"/>, two arguments, the first a constant string.</summary>
    public static bool IsKeyedPairCall(IOperation? operation)
        => operation is IInvocationOperation { Arguments.Length: 2 } invocation
            && IsKeyedPairMethod(invocation.TargetMethod.Name)
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string };

    /// <summary>
    /// The name a member's returned value answers to: a property's (<c>string ClientSecret =&gt; "…"</c>), a method's
    /// when it is named <c>Get…</c> (<c>GetApiKey()</c>); null for any other method.
    /// </summary>
    public static string? ReturnedName(string memberName, bool isProperty)
        => isProperty || memberName.StartsWith("Get", System.StringComparison.Ordinal) ? memberName : null;

    /// <summary>Whether the rule reports a value given <paramref name="name"/>: a password's or a key's (connection strings are RDY1003's).</summary>
    public static bool IsReported(SecretsSettings settings, string name, out SecretName verdict)
    {
        verdict = settings.Classify(name);
        return verdict.Kind is not (SecretKind.None or SecretKind.ConnectionString);
    }
}
