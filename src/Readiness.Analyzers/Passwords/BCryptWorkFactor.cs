namespace Readiness.Analyzers.Passwords;

/// <summary>RDY4005's check of BCrypt.Net: a work factor passed explicitly below the floor (10 by default).</summary>
internal static class BCryptWorkFactor
{
    public static void Analyze(OperationContext context, RuleEnvironment environment, IInvocationOperation invocation)
    {
        var workFactor = PasswordRules.ArgumentNamed(invocation.Arguments, "workFactor");
        if (workFactor is null || workFactor.ArgumentKind != ArgumentKind.Explicit || !PasswordRules.TryGetInt(workFactor.Value, out var value))
        {
            return;
        }

        var tree = invocation.Syntax.SyntaxTree;
        var floor = context.Options.Get(ReadinessOptions.BCryptWorkFactor, tree);
        if (value >= floor || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4005_FastPasswordHashing,
            workFactor.Value.Syntax.GetLocation(),
            PasswordRules.Fix(FixKinds.Integer, floor),
            "BCrypt work factor " + value + " (2^" + value + " rounds) is fast",
            "use a work factor of at least " + floor));
    }
}
