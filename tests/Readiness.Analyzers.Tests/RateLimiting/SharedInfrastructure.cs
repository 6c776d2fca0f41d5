using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Readiness.Analyzers.Tests.Verifiers;

namespace Readiness.Analyzers.Tests.RateLimiting;

/// <summary>
/// A small compiled assembly from "another project" (<c>Contoso.Infrastructure</c>) whose extension methods the app's start-up
/// calls — what the application model reports as delegation to other assemblies.
/// </summary>
internal static class SharedInfrastructure
{
    private static readonly Lazy<MetadataReference> LazyReference = new(() => Compile("Contoso.Infrastructure"));

    private static readonly Lazy<MetadataReference> LazySwagger = new(() => Compile("Swashbuckle.AspNetCore.SwaggerGen"));

    public static MetadataReference Reference => LazyReference.Value;

    /// <summary>The same extension methods in an assembly named like Swashbuckle's, known not to register a limiter.</summary>
    public static MetadataReference SwaggerLikeReference => LazySwagger.Value;

    private static MetadataReference Compile(string assemblyName)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                namespace Microsoft.Extensions.DependencyInjection
                {
                    public static class InfrastructureExtensions
                    {
                        public static IServiceCollection AddSharedInfrastructure(this IServiceCollection services) => services;
                        public static IApplicationBuilder UseSharedInfrastructure(this IApplicationBuilder app) => app;
                    }
                }
                """)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
