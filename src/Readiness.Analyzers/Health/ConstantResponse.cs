using static Readiness.Analyzers.Common.WellKnownTypeProvider;

namespace Readiness.Analyzers.Health;

/// <summary>
/// Decides whether a handler (an endpoint lambda, a controller action body, a health-check delegate) always produces the
/// same answer: it only returns literals, constants, anonymous objects and results built from them (<c>Results.Ok(…)</c>,
/// <c>Ok(…)</c>, <c>HealthCheckResult.Healthy()</c>, <c>context.Response.WriteAsync("ok")</c>), plus the clock or machine name.
/// Anything else — a parameter of another type, a service, a local, a call to other code — makes it not constant.
/// </summary>
internal sealed class ConstantResponse
{
    private readonly INamedTypeSymbol? _results;
    private readonly INamedTypeSymbol? _typedResults;
    private readonly INamedTypeSymbol? _controllerBase;
    private readonly INamedTypeSymbol? _healthCheckResult;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _httpContext;
    private readonly INamedTypeSymbol? _httpResponse;
    private readonly INamedTypeSymbol? _responseWriting;
    private readonly INamedTypeSymbol? _responseJson;
    private readonly INamedTypeSymbol? _dateTime;
    private readonly INamedTypeSymbol? _dateTimeOffset;
    private readonly INamedTypeSymbol? _environment;

    private ConstantResponse(WellKnownTypeProvider types)
    {
        _results = types.Get("Microsoft.AspNetCore.Http.Results");
        _typedResults = types.Get("Microsoft.AspNetCore.Http.TypedResults");
        _controllerBase = types.Get("Microsoft.AspNetCore.Mvc.ControllerBase");
        _healthCheckResult = types.Get("Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult");
        _task = types.Get("System.Threading.Tasks.Task");
        _valueTask = types.Get("System.Threading.Tasks.ValueTask");
        _httpContext = types.Get("Microsoft.AspNetCore.Http.HttpContext");
        _httpResponse = types.Get("Microsoft.AspNetCore.Http.HttpResponse");
        _responseWriting = types.Get("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions");
        _responseJson = types.Get("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions");
        _dateTime = types.Get("System.DateTime");
        _dateTimeOffset = types.Get("System.DateTimeOffset");
        _environment = types.Get("System.Environment");
    }

    public static ConstantResponse Create(Compilation compilation) => new(WellKnownTypeProvider.For(compilation));

    public bool IsConstant(IOperation? operation) => IsConstant(operation, 0);

    private bool IsConstant(IOperation? operation, int depth)
    {
        if (operation is null)
        {
            return true;
        }

        if (depth > 32 || operation is IInvalidOperation)
        {
            return false;
        }

        switch (operation)
        {
            case ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or INameOfOperation or IInstanceReferenceOperation:
                return true;
            case IFieldReferenceOperation field:
                return field.Field.IsConst;
            case IConversionOperation conversion:
                return IsConstant(conversion.Operand, depth + 1);
            case IReturnOperation @return:
                return IsConstant(@return.ReturnedValue, depth + 1);
            case IExpressionStatementOperation statement:
                return IsConstant(statement.Operation, depth + 1);
            case IAwaitOperation await:
                return IsConstant(await.Operation, depth + 1);
            case IBlockOperation block:
                return AllConstant(block.Operations, depth);
            case IBinaryOperation binary:
                return IsConstant(binary.LeftOperand, depth + 1) && IsConstant(binary.RightOperand, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && !IsConstant(interpolation.Expression, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is not ISimpleAssignmentOperation assignment || !IsConstant(assignment.Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IObjectCreationOperation creation:
                return AllArgumentsConstant(creation.Arguments, depth) && IsConstantInitializer(creation.Initializer, depth);
            case IArrayCreationOperation array:
                return array.Initializer is null || AllConstant(array.Initializer.ElementValues, depth);
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                // context.Response.StatusCode = 200; context.Response.ContentType = "text/plain";
                return IsHttp(target.Property.ContainingType) && IsConstant(target.Instance, depth + 1) && IsConstant(assignment.Value, depth + 1);
            case IParameterReferenceOperation parameter:
                return IsHttp(parameter.Type);
            case IPropertyReferenceOperation property:
                return IsClockOrMachine(property.Property)
                    || (IsHttp(property.Property.ContainingType) && IsConstant(property.Instance, depth + 1));
            case IInvocationOperation invocation:
                return IsResultFactory(invocation.TargetMethod)
                    && (invocation.Instance is null || IsConstant(invocation.Instance, depth + 1))
                    && AllArgumentsConstant(invocation.Arguments, depth);
            default:
                return false;
        }
    }

    private bool IsConstantInitializer(IObjectOrCollectionInitializerOperation? initializer, int depth)
    {
        if (initializer is null)
        {
            return true;
        }

        foreach (var member in initializer.Initializers)
        {
            if (member is not ISimpleAssignmentOperation assignment || !IsConstant(assignment.Value, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool AllConstant(System.Collections.Immutable.ImmutableArray<IOperation> operations, int depth)
    {
        foreach (var operation in operations)
        {
            if (!IsConstant(operation, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool AllArgumentsConstant(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int depth)
    {
        foreach (var argument in arguments)
        {
            if (!IsConstant(argument.Value, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsResultFactory(IMethodSymbol method)
    {
        var type = (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        if (Is(type, _results) || Is(type, _typedResults) || Is(type, _healthCheckResult)
            || Is(type, _responseWriting) || Is(type, _responseJson))
        {
            return true;
        }

        if ((Is(type, _task) || Is(type, _valueTask)) && method.Name is "FromResult" or "CompletedTask")
        {
            return true;
        }

        // Ok(), Ok(value), Json(value), Content("ok"), StatusCode(200), NoContent() on the controller itself.
        return Is(type, _controllerBase) && method.Name is "Ok" or "Json" or "Content" or "StatusCode" or "NoContent";
    }

    private bool IsClockOrMachine(IPropertySymbol property)
    {
        var type = property.ContainingType;
        return (Is(type, _dateTime) || Is(type, _dateTimeOffset)) && property.Name is "UtcNow" or "Now" or "Today"
            || Is(type, _environment) && property.Name is "MachineName" or "Version" or "ProcessId"
            || (Is(type, _task) && property.Name == "CompletedTask");
    }

    private bool IsHttp(ITypeSymbol? type)
        => type is not null && (Is(type, _httpContext) || Is(type, _httpResponse));
}
