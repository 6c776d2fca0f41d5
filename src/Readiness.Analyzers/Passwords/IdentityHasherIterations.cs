namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4005's check of ASP.NET Core Identity's <c>PasswordHasherOptions</c>: <c>IterationCount</c> set below the framework
/// default, or <c>CompatibilityMode = IdentityV2</c> (PBKDF2-HMAC-SHA1 with 1,000 iterations).
/// </summary>
internal static class IdentityHasherIterations
{
    public static void Analyze(OperationContext context, RuleEnvironment environment, INamedTypeSymbol hasherOptions)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, hasherOptions))
        {
            return;
        }

        var tree = assignment.Syntax.SyntaxTree;
        if (property.Name == "IterationCount" && PasswordRules.TryGetInt(assignment.Value, out var iterations))
        {
            var floor = context.Options.Get(ReadinessOptions.IdentityHasherIterations, tree);
            if (iterations < floor && environment.Applies(tree, context.CancellationToken))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY4005_FastPasswordHashing,
                    assignment.Value.Syntax.GetLocation(),
                    PasswordRules.Fix(FixKinds.Integer, floor),
                    "PasswordHasherOptions.IterationCount = " + PasswordRules.Number(iterations) + " weakens Identity's PBKDF2",
                    "use at least " + PasswordRules.Number(floor) + " (the framework default)"));
            }
        }
        else if (property.Name == "CompatibilityMode"
            && PasswordRules.WithoutConversions(assignment.Value) is IFieldReferenceOperation { Field.Name: "IdentityV2" }
            && environment.Applies(tree, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RDY4005_FastPasswordHashing,
                assignment.Value.Syntax.GetLocation(),
                "PasswordHasherCompatibilityMode.IdentityV2 stores PBKDF2-HMAC-SHA1 with 1,000 iterations",
                "use IdentityV3 (the default), which still verifies V2 hashes and re-hashes them at the next sign-in"));
        }
    }
}
