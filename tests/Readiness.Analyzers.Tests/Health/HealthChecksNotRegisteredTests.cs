using Readiness.Analyzers.Health;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Health;

[Trait("Rule", "RDY3003")]
public class HealthChecksNotRegisteredTests
{
    private static ReadinessTest<MissingHealthChecksAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<MissingHealthChecksAnalyzer>().WithImplicitUsings().WithSource(source);

    [Fact]
    public async Task Mapped_but_never_registered_is_reported()
    {
        await Test("""
            var builder = {|#0:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """)
            .Expect(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.RDY3003_HealthChecksNotRegistered).WithLocation(0).WithArguments("MapHealthChecks"))
            .RunAsync();
    }

    [Fact]
    public async Task Startup_class_UseHealthChecks_without_registration_is_reported()
    {
        await Test("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public class Startup
            {
                public void {|RDY3003:ConfigureServices|}(IServiceCollection services)
                {
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseHealthChecks("/health");
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).WithSource(HealthSources.StartupProgram).RunAsync();
    }

    [Fact]
    public async Task Silent_when_start_up_delegates_registration_to_another_assembly()
    {
        var test = Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.Run();
            """);
        MissingHealthChecksAnalyzerTests.AddServiceDefaultsProject(test);
        await test.RunAsync();
    }
}
