namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5008: <c>RateLimiterOptions.GlobalLimiter = PartitionedRateLimiter.Create(context => RateLimitPartition.GetFixedWindowLimiter("global", …))</c>:
/// every fixed-window, sliding-window and token-bucket partition the partitioner returns has a constant key, so all
/// clients share one budget. Concurrency limiters (server capacity, not fairness), per-endpoint policies, limiters chained
/// with <c>PartitionedRateLimiter.CreateChained</c> and partitioners that call helper methods are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantPartitionKeyAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5008_GlobalLimiterWithConstantPartition);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var options = environment.Types.Get("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions");
        var partitioned = environment.Types.Get("System.Threading.RateLimiting.PartitionedRateLimiter");
        var partition = environment.Types.Get("System.Threading.RateLimiting.RateLimitPartition");
        if (options is null || partitioned is null || partition is null)
        {
            return;
        }

        start.RegisterAssignmentAction(
            static name => name == "GlobalLimiter",
            target => SymbolEqualityComparer.Default.Equals(target.ContainingType, options),
            context =>
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "GlobalLimiter" } property
                    || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, options))
                {
                    return;
                }

                var value = assignment.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is not IInvocationOperation { TargetMethod.Name: "Create" } create
                    || !SymbolEqualityComparer.Default.Equals(create.TargetMethod.ContainingType, partitioned)
                    || create.Arguments.Length == 0
                    || Unwrap(create.Arguments[0].Value) is not IAnonymousFunctionOperation partitioner)
                {
                    return;
                }

                IArgumentOperation? firstConstant = null;
                foreach (var operation in partitioner.Body.Descendants())
                {
                    if (operation is not IInvocationOperation call
                        || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, partition)
                        || call.TargetMethod.Name is not ("GetFixedWindowLimiter" or "GetSlidingWindowLimiter" or "GetTokenBucketLimiter"))
                    {
                        continue;
                    }

                    var key = PartitionKey(call);
                    if (key is null)
                    {
                        return;
                    }

                    var keyValue = key.Value;
                    while (keyValue is IConversionOperation keyConversion)
                    {
                        keyValue = keyConversion.Operand;
                    }

                    if (!keyValue.ConstantValue.HasValue)
                    {
                        return; // at least one partition depends on the request
                    }

                    firstConstant ??= key;
                }

                if (firstConstant is null)
                {
                    return;
                }

                if (!environment.Applies(assignment.Syntax.SyntaxTree, context.CancellationToken))
                {
                    return;
                }

                var text = firstConstant.Value.Syntax.ToString();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY5008_GlobalLimiterWithConstantPartition,
                    firstConstant.Value.Syntax.GetLocation(),
                    text.Length <= 40 ? text : text.Substring(0, 37) + "..."));
            });
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static IArgumentOperation? PartitionKey(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == "partitionKey")
            {
                return argument;
            }
        }

        return null;
    }
}
