namespace Readiness.Analyzers.Passwords;

/// <summary>
/// RDY4002: all four character-class requirements of <c>PasswordOptions</c> turned off (<c>RequireDigit</c>,
/// <c>RequireLowercase</c>, <c>RequireUppercase</c>, <c>RequireNonAlphanumeric</c> = false, <c>RequiredUniqueChars</c> ≤ 1)
/// in one configuration (a lambda, an object initializer or a method body) while the length stays below the minimum.
/// A long minimum makes composition rules optional (NIST SP 800-63B), so only the combination is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PasswordCompositionAnalyzer : ReadinessAnalyzer
{
    private static readonly string[] ClassRequirements = { "RequireDigit", "RequireLowercase", "RequireUppercase", "RequireNonAlphanumeric" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY4002_PasswordCompositionOffWithShortLength);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var passwordOptions = environment.Types.Get("Microsoft.AspNetCore.Identity.PasswordOptions");
        if (passwordOptions is null)
        {
            return;
        }

        start.RegisterAssignmentAction(
            static name => System.Array.IndexOf(ClassRequirements, name) >= 0,
            target => SymbolEqualityComparer.Default.Equals(target.ContainingType, passwordOptions),
            context => Analyze(context, environment, passwordOptions));
    }

    private static void Analyze(OperationContext context, RuleEnvironment environment, INamedTypeSymbol passwordOptions)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, passwordOptions)
            || System.Array.IndexOf(ClassRequirements, property.Name) < 0
            || !PasswordRules.IsConstantFalse(assignment.Value))
        {
            return;
        }

        var scope = ScopeOf(assignment);
        var turnedOff = new Dictionary<string, ISimpleAssignmentOperation>(4);
        long? length = null;
        foreach (var operation in scope.Descendants())
        {
            if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var member } } other
                || !SymbolEqualityComparer.Default.Equals(member.ContainingType, passwordOptions))
            {
                continue;
            }

            switch (member.Name)
            {
                case "RequiredLength":
                    if (!PasswordRules.TryGetInt(other.Value, out var value))
                    {
                        return;
                    }

                    length = value;
                    break;
                case "RequiredUniqueChars":
                    if (!PasswordRules.TryGetInt(other.Value, out var unique) || unique > 1)
                    {
                        return;
                    }

                    break;
                default:
                    if (System.Array.IndexOf(ClassRequirements, member.Name) >= 0)
                    {
                        if (!PasswordRules.IsConstantFalse(other.Value))
                        {
                            return;
                        }

                        turnedOff[member.Name] = other;
                    }

                    break;
            }
        }

        if (turnedOff.Count < ClassRequirements.Length)
        {
            return;
        }

        // Report once per configuration: on the last of the four assignments.
        foreach (var other in turnedOff.Values)
        {
            if (other.Syntax.SpanStart > assignment.Syntax.SpanStart)
            {
                return;
            }
        }

        if (length is null)
        {
            if (IdentityOptionsScan.For(context.Compilation, context.CancellationToken).PasswordLengthMayBeSet)
            {
                return;
            }

            length = IdentityPasswordLengthAnalyzer.FrameworkDefaultLength;
        }

        var tree = assignment.Syntax.SyntaxTree;
        var minimum = context.Options.Get(ReadinessOptions.PasswordMinimumLength, tree);
        if (length >= minimum || !environment.Applies(tree, context.CancellationToken))
        {
            return;
        }

        var additional = new List<Location>(3);
        foreach (var other in turnedOff.Values)
        {
            if (other != assignment)
            {
                additional.Add(other.Syntax.GetLocation());
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY4002_PasswordCompositionOffWithShortLength,
            assignment.Syntax.GetLocation(),
            additional,
            PasswordRules.Number(length.Value),
            minimum));
    }

    /// <summary>The configuration the assignment belongs to: its object initializer, its lambda, or its member body.</summary>
    private static IOperation ScopeOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
            if (current is IObjectOrCollectionInitializerOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return current;
    }
}
