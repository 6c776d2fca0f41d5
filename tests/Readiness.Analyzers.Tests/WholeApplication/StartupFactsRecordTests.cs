using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Readiness.Analyzers.AppModel;
using Readiness.Analyzers.AppModel.Facts;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.WholeApplication;

/// <summary>The record a library's generator writes: what it holds, that it round-trips, and that a foreign record is ignored.</summary>
public class StartupFactsRecordTests
{
    [Fact]
    public void The_generator_records_each_public_start_up_method_with_its_calls_and_their_guards()
    {
        var compilation = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly).GeneratedCompilation();

        var generated = Assert.Single(compilation.SyntaxTrees, t => t.FilePath.EndsWith(StartupFactsGenerator.HintName, StringComparison.Ordinal));
        var records = compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "AssemblyMetadataAttribute" && (string?)a.ConstructorArguments[0].Value == StartupFacts.MetadataKey)
            .Select(a => StartupFacts.Parse((string?)a.ConstructorArguments[1].Value)!)
            .ToDictionary(f => f.Display);

        Assert.Equal(new[] { "Extensions.AddDefaultHealthChecks", "Extensions.AddServiceDefaults", "Extensions.MapDefaultEndpoints" }, records.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains(records["Extensions.AddServiceDefaults"].Calls, c => c.Name == "AddHealthChecks" && c.Guard == EnvironmentGuard.Unguarded && c.Features == StartupFeature.HealthChecks);
        Assert.Contains(records["Extensions.AddServiceDefaults"].Calls, c => c.Name == "AddCheck" && c.Receiver == "IHealthChecksBuilder");
        Assert.All(records["Extensions.MapDefaultEndpoints"].Calls.Where(c => c.Name == "MapHealthChecks"), c => Assert.Equal(EnvironmentGuard.DevelopmentOnly, c.Guard));
        Assert.Equal(StartupFeature.None, records["Extensions.MapDefaultEndpoints"].Delegated);
        Assert.DoesNotContain("System.", generated.ToString().Replace("global::System.Reflection.AssemblyMetadataAttribute", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_with_no_start_up_methods_gets_no_generated_file()
    {
        var compilation = Projects.Library("MyApp.Domain", """
            namespace MyApp.Domain;

            public static class Money
            {
                public static decimal Round(decimal value) => Math.Round(value, 2);
            }
            """).GeneratedCompilation();

        Assert.DoesNotContain(compilation.SyntaxTrees, t => t.FilePath.EndsWith(StartupFactsGenerator.HintName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestProjectKind.Web)]
    [InlineData(TestProjectKind.Test)]
    public void Executables_and_test_projects_record_nothing(TestProjectKind kind)
    {
        var compilation = new CompilationRunner().Named("MyApp.Api").As(kind).WithImplicitUsings()
            .WithSource("/MyApp.Api/Extensions.cs", Projects.ServiceDefaultsDevelopmentOnly)
            .GeneratedCompilation();

        Assert.DoesNotContain(compilation.SyntaxTrees, t => t.FilePath.EndsWith(StartupFactsGenerator.HintName, StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_into_a_library_without_facts_is_recorded_as_handed_on()
    {
        var thirdParty = Projects.Library("Acme.Messaging", """
            using Microsoft.Extensions.DependencyInjection;

            namespace Acme.Messaging;

            public static class MessagingExtensions
            {
                public static IServiceCollection AddAcmeMessaging(this IServiceCollection services) => services;
            }
            """);
        var infrastructure = Projects.Library("MyApp.Infrastructure", """
            using Acme.Messaging;
            using Microsoft.Extensions.DependencyInjection;

            namespace MyApp.Infrastructure;

            public static class DependencyInjection
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services) => services.AddAcmeMessaging();
            }
            """).WithProjectReference(thirdParty, ReferenceStyle.Build, withPackage: false);

        var record = Records(infrastructure.GeneratedCompilation()).Single();

        Assert.Equal(StartupFeature.All, record.Delegated);
        Assert.Equal(StartupFeature.All, record.MayRegister);
    }

    [Fact]
    public void A_record_round_trips()
    {
        var facts = new MethodStartupFacts(
            "M:Microsoft.Extensions.Hosting.Extensions.AddServiceDefaults``1(``0)",
            "Extensions.AddServiceDefaults",
            StartupFeature.RateLimiting,
            ImmutableArray.Create(
                new StartupFact("AddHealthChecks", PipelineTarget.Services, EnvironmentGuard.Unguarded, StartupFeature.HealthChecks, "IServiceCollection"),
                new StartupFact("MapHealthChecks", PipelineTarget.Application, EnvironmentGuard.DevelopmentOnly, StartupFeature.HealthChecks, "IEndpointRouteBuilder")));

        var read = StartupFacts.Parse(StartupFacts.Write(facts));

        Assert.NotNull(read);
        Assert.Equal(facts.MethodId, read!.MethodId);
        Assert.Equal(facts.Delegated, read.Delegated);
        Assert.Equal(facts.Calls.Select(c => c.ToString() + c.Features + c.Receiver), read.Calls.Select(c => c.ToString() + c.Features + c.Receiver));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2;M:A.B.C(D);B.C;0")]
    [InlineData("1;M:A.B.C(D);B.C;x")]
    [InlineData("1;M:A.B.C(D);B.C;64")]
    [InlineData("1;M:A.B.C(D);B.C;0;MapHealthChecks|9|0|1|WebApplication")]
    [InlineData("1;M:A.B.C(D);B.C;0;MapHealthChecks|1|0")]
    [InlineData("1;M")]
    public void A_record_of_another_version_or_that_does_not_parse_is_ignored(string? value)
        => Assert.Null(StartupFacts.Parse(value));

    [Fact]
    public async Task A_foreign_record_in_a_referenced_assembly_keeps_todays_quiet_and_never_throws()
    {
        var library = Projects.Library("MyApp.ServiceDefaults", Projects.ServiceDefaultsDevelopmentOnly)
            .WithSource("/MyApp.ServiceDefaults/AssemblyInfo.cs", """
                [assembly: System.Reflection.AssemblyMetadata("Readiness.StartupFacts", "9;M:Microsoft.Extensions.Hosting.Extensions.MapDefaultEndpoints(Microsoft.AspNetCore.Builder.WebApplication);x;0")]
                [assembly: System.Reflection.AssemblyMetadata("Readiness.StartupFacts", "1;M:Microsoft.Extensions.Hosting.Extensions.AddServiceDefaults``1(``0);x;0;|||")]
                """)
            .WithGlobalOption("build_property.ReadinessStartupFacts", "false");
        var web = Projects.WebApp(Projects.AspireProgram, (library, ReferenceStyle.Build));

        var diagnostics = await web.RunAsync(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new Readiness.Analyzers.Health.MissingHealthChecksAnalyzer(), new Readiness.Analyzers.RateLimiting.MissingRateLimitingAnalyzer()));

        Assert.Empty(web.AnalyzerExceptions);
        Assert.Empty(diagnostics);
    }

    private static IEnumerable<MethodStartupFacts> Records(Compilation compilation)
        => compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "AssemblyMetadataAttribute" && (string?)a.ConstructorArguments[0].Value == StartupFacts.MetadataKey)
            .Select(a => StartupFacts.Parse((string?)a.ConstructorArguments[1].Value)!);
}
