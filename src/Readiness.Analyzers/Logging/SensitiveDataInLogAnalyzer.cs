namespace Readiness.Analyzers.Logging;

/// <summary>
/// RDY2003: a value whose name says it is sensitive (password, secret, token, API key, connection string, card number…)
/// passed to an <c>ILogger</c> call (<c>Log*</c>, <c>Log</c>, <c>BeginScope</c>, <c>[LoggerMessage]</c> methods) or to console output.
/// Only the value itself counts: <c>password.Length</c> or <c>Mask(token)</c> are not the secret.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveDataInLogAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY2003_SensitiveDataInLog);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        var types = new Types(environment.Types);
        if (types.LoggerExtensions is null && types.Console is null)
        {
            return;
        }

        // Only a call that passes something with a sensitive name can report: find that in the syntax first.
        var extraWordsByTree = new Memo<SyntaxTree, ImmutableArray<string>>((tree, _) => environment.Options.Get(ReadinessOptions.ExtraSensitiveNames, tree));
        start.RegisterSyntaxNodeAction(
            context =>
            {
                var invocation = (InvocationExpressionSyntax)context.Node;
                if (invocation.ArgumentList.Arguments.Count == 0)
                {
                    return;
                }

                var tree = invocation.SyntaxTree;
                var extraWords = extraWordsByTree.Get(tree, context.CancellationToken);
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (PassesSensitiveName(argument.Expression, extraWords, depth: 0))
                    {
                        // The callee's symbol first: a call that is not a log or console call (a password passed to
                        // a hasher, a token to an HTTP client) costs no operation tree.
                        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method
                            && types.MayBeSink(method)
                            && context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation operation)
                        {
                            Analyze(new OperationContext(operation, context), environment, types);
                        }

                        return;
                    }
                }
            },
            SyntaxKind.InvocationExpression);
    }

    /// <summary>The syntax twin of <see cref="Inspect"/>: could this argument be a value with a sensitive name?</summary>
    private static bool PassesSensitiveName(ExpressionSyntax expression, ImmutableArray<string> extraWords, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        expression = CandidateOperations.WithoutWrappers(expression);
        switch (expression)
        {
            case ConditionalAccessExpressionSyntax conditional:
                return PassesSensitiveName(conditional.WhenNotNull, extraWords, depth + 1);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax interpolation && PassesSensitiveName(interpolation.Expression, extraWords, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return PassesSensitiveName(binary.Left, extraWords, depth + 1) || PassesSensitiveName(binary.Right, extraWords, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                return PassesSensitiveName(binary.Left, extraWords, depth + 1);
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return AnySensitive(initializer, extraWords, depth);
            case ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return AnySensitive(initializer, extraWords, depth);
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements)
                {
                    if (element is ExpressionElementSyntax item && PassesSensitiveName(item.Expression, extraWords, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
        }

        var name = CandidateOperations.LastIdentifier(expression);
        return name is not null && SensitiveNames.Classify(name, extraWords) is not null;
    }

    private static bool AnySensitive(InitializerExpressionSyntax initializer, ImmutableArray<string> extraWords, int depth)
    {
        foreach (var element in initializer.Expressions)
        {
            if (PassesSensitiveName(element, extraWords, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(OperationContext context, RuleEnvironment environment, Types types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        string sink;
        bool isConsole;
        if (types.IsLoggingCall(method))
        {
            sink = "the log";
            isConsole = false;
        }
        else if (types.IsConsoleWrite(invocation, context.CancellationToken))
        {
            sink = "the console";
            isConsole = true;
        }
        else
        {
            return;
        }

        var tree = invocation.Syntax.SyntaxTree;
        // A console write is judged where console output is; a log call wherever the rule runs.
        if (!environment.Project.Applies(isConsole ? RuleScope.CodeThatLogs : RuleScope.AnyProject, tree, context.CancellationToken))
        {
            return;
        }

        var extraWords = context.Options.Get(ReadinessOptions.ExtraSensitiveNames, tree);
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is not null && (types.IsPlumbing(parameter.Type) || types.IsRedacted(parameter)))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    Inspect(context, types, element, sink, extraWords, depth: 0);
                }

                continue;
            }

            Inspect(context, types, argument.Value, sink, extraWords, depth: 0);
        }
    }

    private static void Inspect(OperationContext context, Types types, IOperation value, string sink, ImmutableArray<string> extraWords, int depth)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (depth > 8)
        {
            return;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        Inspect(context, types, interpolation.Expression, sink, extraWords, depth + 1);
                    }
                }

                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Inspect(context, types, binary.LeftOperand, sink, extraWords, depth + 1);
                Inspect(context, types, binary.RightOperand, sink, extraWords, depth + 1);
                return;

            case ICoalesceOperation coalesce:
                Inspect(context, types, coalesce.Value, sink, extraWords, depth + 1);
                return;
        }

        var (name, type) = value switch
        {
            ILocalReferenceOperation local => (local.Local.Name, local.Local.Type),
            IParameterReferenceOperation parameter => (parameter.Parameter.Name, parameter.Parameter.Type),
            IFieldReferenceOperation field => (field.Field.Name, field.Field.Type),
            IPropertyReferenceOperation property => (property.Property.Name, property.Property.Type),
            _ => (null, null),
        };

        if (name is null || type is null || !types.CanHoldSecret(type))
        {
            return;
        }

        var kind = SensitiveNames.Classify(name, extraWords);
        if (kind is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RDY2003_SensitiveDataInLog,
            value.Syntax.GetLocation(),
            name,
            kind,
            sink));
    }

    private sealed class Types
    {
        private readonly ConsoleWrites? _console;

        public Types(WellKnownTypeProvider types)
        {
            LoggerExtensions = types.Get("Microsoft.Extensions.Logging.LoggerExtensions");
            ILogger = types.Get("Microsoft.Extensions.Logging.ILogger");
            LoggerMessageAttribute = types.Get("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            Exception = types.Get("System.Exception");
            LogLevel = types.Get("Microsoft.Extensions.Logging.LogLevel");
            EventId = types.Get("Microsoft.Extensions.Logging.EventId");
            SecureString = types.Get("System.Security.SecureString");
            DataClassificationAttribute = types.Get("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            _console = ConsoleWrites.Create(types);
            Console = _console is null ? null : types.Get("System.Console");
        }

        public INamedTypeSymbol? LoggerExtensions { get; }
        public INamedTypeSymbol? ILogger { get; }
        public INamedTypeSymbol? LoggerMessageAttribute { get; }
        public INamedTypeSymbol? Exception { get; }
        public INamedTypeSymbol? LogLevel { get; }
        public INamedTypeSymbol? EventId { get; }
        public INamedTypeSymbol? SecureString { get; }
        public INamedTypeSymbol? DataClassificationAttribute { get; }
        public INamedTypeSymbol? Console { get; }

        public bool IsConsoleWrite(IInvocationOperation invocation, CancellationToken cancellationToken)
            => _console is not null && _console.IsConsoleWrite(invocation, out _, cancellationToken);

        /// <summary>What the operation checks below can accept: a logging call, or a method named as a console write.</summary>
        public bool MayBeSink(IMethodSymbol method)
            => IsLoggingCall(method) || (_console is not null && ConsoleWrites.IsWriteName(method.Name));

        public bool IsLoggingCall(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            if (LoggerExtensions is not null && SymbolEqualityComparer.Default.Equals(definition.ContainingType, LoggerExtensions))
            {
                return true;
            }

            if (ILogger is not null
                && method.Name is "Log" or "BeginScope"
                && WellKnownTypeProvider.Implements(method.ContainingType, ILogger))
            {
                return true;
            }

            // [LoggerMessage] methods are partial methods declared in source: look at attributes only for those.
            if (LoggerMessageAttribute is not null
                && (definition.IsPartialDefinition || definition.PartialDefinitionPart is not null))
            {
                var declaration = definition.PartialDefinitionPart ?? definition;
                foreach (var attribute in declaration.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LoggerMessageAttribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The logger, the level, the event id and the exception are not logged values.</summary>
        public bool IsPlumbing(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            return WellKnownTypeProvider.DerivesFrom(type, Exception)
                || WellKnownTypeProvider.DerivesFrom(type, LogLevel)
                || WellKnownTypeProvider.DerivesFrom(type, EventId)
                || WellKnownTypeProvider.Implements(type, ILogger);
        }

        /// <summary>A <c>[LoggerMessage]</c> parameter with a data-classification attribute is redacted by the logging pipeline.</summary>
        public bool IsRedacted(IParameterSymbol parameter)
        {
            if (DataClassificationAttribute is null)
            {
                return false;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                if (WellKnownTypeProvider.DerivesFrom(attribute.AttributeClass, DataClassificationAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Text, characters and bytes can hold a secret; numbers, booleans, dates and cancellation tokens cannot.</summary>
        public bool CanHoldSecret(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte;
            }

            return SecureString is not null && SymbolEqualityComparer.Default.Equals(type, SecureString);
        }
    }
}
