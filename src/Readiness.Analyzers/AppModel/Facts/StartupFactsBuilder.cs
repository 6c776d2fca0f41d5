using System.Linq;

namespace Readiness.Analyzers.AppModel.Facts;

/// <summary>
/// Computes the start-up facts of a compilation (<see cref="StartupFacts"/>): for each public static method that takes a
/// start-up builder (<c>IServiceCollection</c>, <c>IHostApplicationBuilder</c>, <c>WebApplication</c>…), the start-up calls
/// it makes — through its own helper methods of the same compilation, and through the recorded facts of the libraries it
/// calls — each with its environment guard, and what it hands on to libraries without facts.
/// </summary>
internal static class StartupFactsBuilder
{
    /// <summary>Parameter type names that may be a start-up builder: the syntactic pre-check before anything is bound.</summary>
    private static readonly HashSet<string> BuilderTypeNames = new(StringComparer.Ordinal)
    {
        "IServiceCollection", "IHostApplicationBuilder", "WebApplicationBuilder", "IHostBuilder", "IWebHostBuilder",
        "IApplicationBuilder", "IEndpointRouteBuilder", "WebApplication", "IHealthChecksBuilder",
    };

    /// <summary>Candidate methods per file, kept with the tree: after an edit only the edited file is read again.</summary>
    private static readonly Memo<SyntaxTree, ImmutableArray<BaseMethodDeclarationSyntax>> Candidates =
        new(static (tree, cancellationToken) => FindCandidates(tree, cancellationToken));

    public static ImmutableArray<MethodStartupFacts> Build(Compilation compilation, CancellationToken cancellationToken)
    {
        // Syntax first (cached per tree): a project without public static methods taking a builder costs no binding.
        var withCandidates = new List<(SyntaxTree Tree, ImmutableArray<BaseMethodDeclarationSyntax> Candidates)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var found = Candidates.Get(tree, cancellationToken);
            if (!found.IsEmpty)
            {
                withCandidates.Add((tree, found));
            }
        }

        if (withCandidates.Count == 0)
        {
            return ImmutableArray<MethodStartupFacts>.Empty;
        }

        var types = new PipelineScan.KnownTypes(compilation);
        if (!types.HasAnyHostingType)
        {
            return ImmutableArray<MethodStartupFacts>.Empty;
        }

        var walker = new Walker(compilation, types, cancellationToken);
        var result = new List<MethodStartupFacts>();
        foreach (var (tree, candidates) in withCandidates)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in candidates)
            {
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method
                    || !IsVisibleOutside(method)
                    || !TakesBuilder(method, types)
                    || DocumentationCommentId.CreateDeclarationId(method) is not { } id)
                {
                    continue;
                }

                // Recorded even when it makes no start-up call: "registers nothing" is a fact the caller's rules can use.
                var (delegated, calls) = walker.FactsOf(method);
                result.Add(new MethodStartupFacts(id, method.ContainingType.Name + "." + method.Name, delegated, calls));
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.MethodId, b.MethodId));
        return result.ToImmutableArray();
    }

    private static ImmutableArray<BaseMethodDeclarationSyntax> FindCandidates(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var builder = ImmutableArray.CreateBuilder<BaseMethodDeclarationSyntax>();
        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is MethodDeclarationSyntax method
                && method.Modifiers.Any(SyntaxKind.StaticKeyword)
                && method.Modifiers.Any(SyntaxKind.PublicKeyword)
                && (method.Body is not null || method.ExpressionBody is not null)
                && (HasBuilderType(method.ParameterList.Parameters.Select(static p => p.Type))
                    || HasBuilderType(method.ConstraintClauses.SelectMany(static c => c.Constraints).OfType<TypeConstraintSyntax>().Select(static c => c.Type))))
            {
                builder.Add(method);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>A builder type among the parameters' types, or among the constraints of a generic builder (<c>where TBuilder : IHostApplicationBuilder</c>).</summary>
    private static bool HasBuilderType(IEnumerable<TypeSyntax?> types)
    {
        foreach (var written in types)
        {
            var type = written;
            while (type is QualifiedNameSyntax qualified)
            {
                type = qualified.Right;
            }

            if (type is SimpleNameSyntax name && BuilderTypeNames.Contains(name.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisibleOutside(IMethodSymbol method)
    {
        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TakesBuilder(IMethodSymbol method, PipelineScan.KnownTypes types)
    {
        foreach (var parameter in method.Parameters)
        {
            if (types.Categorize(parameter.Type) is not null)
            {
                return true;
            }

            if (parameter.Type is ITypeParameterSymbol typeParameter)
            {
                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    if (types.Categorize(constraint) is not null)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Follows a method's calls into its helpers; each method is read once, a recursive one stops where it started.</summary>
    private sealed class Walker
    {
        private readonly Compilation _compilation;
        private readonly PipelineScan.KnownTypes _types;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<IMethodSymbol, (StartupFeature, ImmutableArray<StartupFact>)> _done = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> _inProgress = new(SymbolEqualityComparer.Default);

        public Walker(Compilation compilation, PipelineScan.KnownTypes types, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _types = types;
            _cancellationToken = cancellationToken;
        }

        public (StartupFeature Delegated, ImmutableArray<StartupFact> Calls) FactsOf(IMethodSymbol method)
        {
            if (_done.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!_inProgress.Add(method))
            {
                return (StartupFeature.None, ImmutableArray<StartupFact>.Empty);
            }

            var delegated = StartupFeature.None;
            var calls = new List<StartupFact>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var body = reference.GetSyntax(_cancellationToken);
                var model = _compilation.GetSemanticModel(body.SyntaxTree);
                foreach (var node in body.DescendantNodes())
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (node is not InvocationExpressionSyntax invocation
                        || model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol called)
                    {
                        continue;
                    }

                    delegated |= Visit(invocation, called, model, calls, seen);
                }
            }

            // Identity's options set anywhere in this library (or bound from configuration) may reach any of its Identity calls.
            if (calls.Exists(static c => (c.Features & StartupFeature.Identity) != 0)
                && IdentityFacts.PasswordLengthMayBeSetIn(_compilation, _cancellationToken))
            {
                Add(IdentityFacts.PasswordLengthSet(EnvironmentGuard.Unguarded), calls, seen);
            }

            var result = (delegated, calls.ToImmutableArray());
            _inProgress.Remove(method);
            _done[method] = result;
            return result;
        }

        private StartupFeature Visit(InvocationExpressionSyntax invocation, IMethodSymbol called, SemanticModel model, List<StartupFact> calls, HashSet<string> seen)
        {
            var definition = (called.ReducedFrom ?? called).OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly))
            {
                // A helper of this library: its calls are this method's, under the guard of the call into it.
                if (definition.DeclaringSyntaxReferences.IsEmpty)
                {
                    return StartupFeature.None;
                }

                var guard = EnvironmentGuards.Of(invocation, model, _cancellationToken);
                var (innerDelegated, inner) = FactsOf(definition);
                foreach (var fact in inner)
                {
                    Add(fact.Under(guard), calls, seen);
                }

                return innerDelegated;
            }

            var call = PipelineScan.Classify(invocation, called, _types, _compilation.Assembly, model, _cancellationToken);
            if (call is null)
            {
                return StartupFeature.None;
            }

            if (call.Facts is { } library)
            {
                foreach (var fact in library.Calls)
                {
                    Add(fact.Under(call.Guard), calls, seen);
                }

                return library.Delegated;
            }

            var receiver = PipelineScan.ReceiverOf(called)?.Name ?? string.Empty;
            var features = StartupFeatures.Of(called, receiver);
            if (called.Name == "UseMiddleware" && MiddlewareTypeLooksLikeLimiter(invocation))
            {
                features |= StartupFeature.RateLimiting;
            }

            Add(new StartupFact(call.Name, call.Target, call.Guard, features, receiver), calls, seen);
            if (IdentityFacts.IsRegistration(called) && IdentityFacts.RegistrationMayBindOptions(invocation))
            {
                Add(IdentityFacts.PasswordLengthSet(call.Guard), calls, seen);
            }

            return call.MayRegister;
        }

        /// <summary><c>UseMiddleware(typeof(ThrottlingMiddleware))</c>: the type is an argument, not a type argument.</summary>
        private static bool MiddlewareTypeLooksLikeLimiter(InvocationExpressionSyntax invocation)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is TypeOfExpressionSyntax { Type: var type }
                    && StartupFeatures.LooksLikeLimiter((type is QualifiedNameSyntax qualified ? qualified.Right : type).ToString()))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Add(StartupFact fact, List<StartupFact> calls, HashSet<string> seen)
        {
            if (seen.Add(fact.Name + "|" + (int)fact.Target + "|" + (int)fact.Guard + "|" + fact.Receiver))
            {
                calls.Add(fact);
            }
        }
    }
}
