using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.RateLimiting;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.RateLimiting;

[Trait("Rule", "RDY5001")]
public class MissingRateLimitingAnalyzerTests
{
    private static ReadinessTest<MissingRateLimitingAnalyzer> Test(params string[] sources)
    {
        var test = new ReadinessTest<MissingRateLimitingAnalyzer>();
        test.WithImplicitUsings();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    /// <summary>Minimal stand-ins for the AspNetCoreRateLimit package (not served to the test compilations).</summary>
    internal const string AspNetCoreRateLimitStubs = """
        namespace AspNetCoreRateLimit
        {
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            public class IpRateLimitOptions { }

            public abstract class RateLimitMiddleware<TProcessor>
            {
                protected RateLimitMiddleware(RequestDelegate next) { }
            }

            public class IpRateLimitMiddleware : RateLimitMiddleware<object>
            {
                public IpRateLimitMiddleware(RequestDelegate next) : base(next) { }
            }

            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection AddInMemoryRateLimiting(this IServiceCollection services) => services;
            }

            public static class IApplicationBuilderExtensions
            {
                public static IApplicationBuilder UseIpRateLimiting(this IApplicationBuilder app) => app;
                public static IApplicationBuilder UseClientRateLimiting(this IApplicationBuilder app) => app;
            }
        }
        """;

    [Fact]
    public async Task Minimal_api_without_a_limiter_is_reported_on_CreateBuilder()
    {
        await Test("""
            var builder = {|RDY5001:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Controllers_without_a_limiter_are_reported_and_the_message_names_the_gateway_option()
    {
        await Test("""
            var builder = {|#0:WebApplication.CreateBuilder(args)|};
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY5001_NoRateLimiting).WithLocation(0).WithArguments("readiness.ratelimiting.enforced_by_gateway"))
            .RunAsync();
    }

    [Fact]
    public async Task Startup_class_without_a_limiter_is_reported_on_ConfigureServices_only()
    {
        await Test(
            """
            public class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args)
                        .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
                        .Build()
                        .Run();
            }
            """,
            """
            public class Startup
            {
                public void {|RDY5001:ConfigureServices|}(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Built_in_limiter_is_recognised()
    {
        await Test("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task AspNetCoreRateLimit_registration_and_middleware_are_recognised()
    {
        await Test(
            """
            using AspNetCoreRateLimit;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IpRateLimitOptions>(builder.Configuration.GetSection("IpRateLimiting"));
            builder.Services.AddInMemoryRateLimiting();
            var app = builder.Build();
            app.UseIpRateLimiting();
            app.MapControllers();
            app.Run();
            """,
            AspNetCoreRateLimitStubs).RunAsync();
    }

    [Fact]
    public async Task Middleware_deriving_from_AspNetCoreRateLimit_is_recognised()
    {
        await Test(
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseMiddleware<TenantRequestGuard>();
            app.MapGet("/orders", () => "orders");
            app.Run();

            public class TenantRequestGuard : AspNetCoreRateLimit.IpRateLimitMiddleware
            {
                public TenantRequestGuard(RequestDelegate next) : base(next) { }
            }
            """,
            AspNetCoreRateLimitStubs).RunAsync();
    }

    [Theory]
    [InlineData("app.UseMiddleware<ThrottlingMiddleware>();")]
    [InlineData("app.UseMiddleware(typeof(ThrottlingMiddleware));")]
    public async Task Limiter_looking_middleware_is_recognised(string use)
    {
        await Test($$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{use}}
            app.MapGet("/orders", () => "orders");
            app.Run();

            public class ThrottlingMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext context) => next(context);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Team_listed_alternative_is_recognised()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseQuotas();
            app.MapGet("/orders", () => "orders");
            app.Run();

            public static class QuotaExtensions
            {
                public static IApplicationBuilder UseQuotas(this IApplicationBuilder app) => app;
            }
            """)
            .WithOption("readiness.ratelimiting.alternatives", "UseQuotas")
            .RunAsync();
    }

    [Fact]
    public async Task Gateway_option_turns_the_rule_off()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """)
            .WithOption("readiness.ratelimiting.enforced_by_gateway", "true")
            .RunAsync();
    }

    [Fact]
    public async Task Web_app_without_endpoints_or_with_only_grpc_and_health_checks_is_not_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.UseStaticFiles();
            app.Run();
            """).RunAsync();
    }

    [Fact]
    public async Task Grpc_host_from_the_template_is_not_reported()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.MapGrpcService<GreeterService>();
            app.MapGet("/", () => "Communication with gRPC endpoints must be made through a gRPC client.");
            app.Run();

            public class GreeterService { }

            public static class GrpcStubs
            {
                public static IServiceCollection AddGrpc(this IServiceCollection services) => services;
                public static IEndpointConventionBuilder MapGrpcService<T>(this IEndpointRouteBuilder endpoints) => null!;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Grpc_host_with_http_endpoints_is_reported()
    {
        await Test("""
            var builder = {|RDY5001:WebApplication.CreateBuilder(args)|};
            var app = builder.Build();
            app.MapGrpcService<GreeterService>();
            app.MapGet("/orders", () => "orders");
            app.Run();

            public class GreeterService { }

            public static class GrpcStubs
            {
                public static IEndpointConventionBuilder MapGrpcService<T>(this IEndpointRouteBuilder endpoints) => null!;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Branching_middleware_Map_is_not_an_endpoint()
    {
        await Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Map("/legacy", legacy => legacy.UseStaticFiles());
            app.Run();
            """).RunAsync();
    }

    [Theory]
    [InlineData(TestProjectKind.Library)]
    [InlineData(TestProjectKind.Worker)]
    [InlineData(TestProjectKind.Test)]
    public async Task Not_reported_outside_web_apps(TestProjectKind kind)
    {
        await new ReadinessTest<MissingRateLimitingAnalyzer>()
            .As(kind)
            .WithSource("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;

                public static class Endpoints
                {
                    public static void MapOrders(this IEndpointRouteBuilder endpoints) => endpoints.MapGet("/orders", () => "orders");
                }
                """)
            .RunAsync();
    }

    [Fact]
    public async Task Silent_when_start_up_delegates_to_another_assembly()
    {
        // AddServiceDefaults-style extensions from another project may register the limiter: no false confidence.
        var test = Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSharedInfrastructure();
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(SharedInfrastructure.Reference);
        await test.RunAsync();
    }

    [Fact]
    public async Task Still_reported_when_start_up_only_calls_packages_known_not_to_limit()
    {
        // e.g. AddSwaggerGen (Swashbuckle), AddValidatorsFromAssembly (FluentValidation), AddNpgSql (health checks).
        var test = Test("""
            var builder = {|RDY5001:WebApplication.CreateBuilder(args)|};
            builder.Services.AddSharedInfrastructure();
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(SharedInfrastructure.SwaggerLikeReference);
        await test.RunAsync();
    }

    [Fact]
    public async Task Rules_1_to_3_show_on_the_open_Program_cs_in_document_analysis()
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = [new MissingRateLimitingAnalyzer(), new RateLimiterRegistrationAnalyzer()];

        var none = new CompilationRunner().WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """).WithSource("/0/Other.cs", "public class Other { }");
        var registeredOnly = new CompilationRunner().WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options => options.RejectionStatusCode = 429);
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);
        var appliedOnly = new CompilationRunner().WithImplicitUsings().WithSource("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);

        foreach (var (runner, id) in new[] { (none, "RDY5001"), (registeredOnly, "RDY5002"), (appliedOnly, "RDY5003") })
        {
            var diagnostics = await runner.RunOnDocumentAsync(analyzers, "/0/Program.cs");
            Assert.Empty(runner.AnalyzerExceptions);
            Assert.Equal(id, Assert.Single(diagnostics).Id);
            Assert.Equal("/0/Program.cs", diagnostics[0].Location.SourceTree!.FilePath);
        }

        var other = await none.RunOnDocumentAsync(analyzers, "/0/Other.cs");
        Assert.Empty(other);
    }
}
