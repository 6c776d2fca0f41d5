using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.Options;

namespace Readiness.Analyzers.RateLimiting;

/// <summary>
/// RDY5001: a web app that maps endpoints or controllers and limits no request — no built-in limiter (either half),
/// no AspNetCoreRateLimit, no limiter middleware, no team-listed alternative, and no gateway declared in the options.
/// Reported on <c>WebApplication.CreateBuilder(…)</c> or <c>Startup.ConfigureServices</c> from a per-document action,
/// so the squiggle is live on the open file. Silent when start-up delegates to another assembly's extension methods:
/// what they register cannot be seen, and a false "no rate limiting" on a well-built app costs more than a miss.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingRateLimitingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY5001_NoRateLimiting);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder") is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(static context =>
            {
                var tree = context.SemanticModel.SyntaxTree;
                var model = ApplicationModel.For(context.SemanticModel.Compilation, context.Options, context.CancellationToken);
                if (!model.IsWebApp || RateLimitingPipeline.DelegatesToOtherAssemblies(model))
                {
                    return;
                }

                var anchors = model.AnchorsIn(tree);
                if (anchors.IsEmpty
                    || context.Options.Get(ReadinessOptions.RateLimitingAtGateway, tree)
                    || !RateLimitingPipeline.MapsEndpoints(model, context.CancellationToken)
                    || RateLimitingPipeline.HasAnyLimiter(model, context.Options.Get(ReadinessOptions.RateLimitingAlternatives, tree), context.CancellationToken))
                {
                    return;
                }

                // With a Startup class, report on ConfigureServices only (not also on Program's host builder).
                var hasStartup = !model.StartupTypes.IsEmpty;
                foreach (var anchor in anchors)
                {
                    if (hasStartup != (anchor.Style == StartupStyle.StartupClass))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RDY5001_NoRateLimiting,
                        anchor.Location,
                        ReadinessOptions.RateLimitingAtGateway.Key));
                }
            });
        });
    }
}
