using System.Globalization;
using System.Text;

namespace Readiness.Analyzers.Benchmarks;

/// <summary>
/// Writes a realistic ASP.NET Core code base of a chosen size, deterministically (seeded): controllers, minimal endpoints,
/// services, options classes, an EF Core DbContext with entities, middleware, hosted services, Identity set-up, a
/// Program.cs with many registrations, plenty of string literals (URLs, messages, configuration keys, a few secrets),
/// logging calls and some console output. Each module is five files.
/// </summary>
public sealed class CodeBaseGenerator(int seed)
{
    private static readonly string[] Nouns = { "Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Review", "Coupon", "Basket", "Warehouse", "Supplier", "Ticket" };
    private static readonly string[] Verbs = { "Create", "Update", "Cancel", "Approve", "Archive", "Refund", "Sync", "Import", "Export", "Notify" };

    public IReadOnlyList<(string Path, string Text)> Generate(int files)
    {
        var random = new Random(seed);
        var modules = Math.Max(1, (files - 3) / 5);
        var result = new List<(string, string)>(files)
        {
            ("Program.cs", Program(modules)),
            ("Data/AppDbContext.cs", DbContext(modules, "Generated", identity: true)),
            ("Identity/AppUser.cs", AppUser("Generated")),
        };
        for (var i = 0; i < modules; i++)
        {
            var noun = Nouns[i % Nouns.Length] + i.ToString(CultureInfo.InvariantCulture);
            result.Add(($"Modules/{noun}/{noun}Controller.cs", Controller(noun, random)));
            result.Add(($"Modules/{noun}/{noun}Service.cs", Service(noun, "Generated", random)));
            result.Add(($"Modules/{noun}/{noun}Options.cs", Options(noun, "Generated", random)));
            result.Add(($"Modules/{noun}/{noun}Endpoints.cs", Endpoints(noun, random)));
            result.Add((i % 3 == 0 ? $"Modules/{noun}/{noun}Worker.cs" : $"Modules/{noun}/{noun}Middleware.cs", i % 3 == 0 ? Worker(noun, random) : Middleware(noun, random)));
        }

        return result;
    }

    /// <summary>
    /// A class library of about <paramref name="files"/> files under the namespace <paramref name="root"/>: an EF Core
    /// DbContext (an Identity one when <paramref name="identity"/>), per module a service (the web code base's), its options,
    /// a repository and some ordinary code (pricing, validation, formatting), and one
    /// <c><paramref name="extension"/>(this IServiceCollection, IConfiguration)</c> that registers them all — what a web
    /// project of the same solution calls from its <c>Program.cs</c>. No host, no endpoints, no <c>Main</c>.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)> GenerateLibrary(int files, string root, string extension, bool identity)
    {
        var random = new Random(seed);
        var modules = Math.Max(1, (files - 3) / 4);
        var result = new List<(string, string)>(files)
        {
            ("Data/AppDbContext.cs", DbContext(modules, root, identity)),
            ("ServiceCollectionExtensions.cs", Registrations(modules, root, extension, identity)),
        };
        if (identity)
        {
            result.Add(("Identity/AppUser.cs", AppUser(root)));
        }

        for (var i = 0; i < modules; i++)
        {
            var noun = Nouns[i % Nouns.Length] + i.ToString(CultureInfo.InvariantCulture);
            result.Add(($"Modules/{noun}/{noun}Service.cs", Service(noun, root, random)));
            result.Add(($"Modules/{noun}/{noun}Options.cs", Options(noun, root, random)));
            result.Add(($"Modules/{noun}/{noun}Repository.cs", Repository(noun, root)));
            result.Add(($"Modules/{noun}/{noun}Rules.cs", OrdinaryCode(noun, root, random)));
        }

        return result;
    }

    /// <summary>
    /// The web project of a solution whose start-up delegates to the libraries: a small web code base (<see cref="Generate"/>)
    /// whose <c>Program.cs</c> also calls each library's registration extension.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)> GenerateWebProject(int files, IReadOnlyList<(string Root, string Extension)> libraries)
    {
        var result = Generate(files).ToList();
        var program = result[0].Text;
        var usings = string.Concat(libraries.Select(l => $"using {l.Root};\n"));
        var calls = string.Concat(libraries.Select(l => $"builder.Services.{l.Extension}(builder.Configuration);\n"));
        result[0] = (result[0].Path, usings + program.Replace("var app = builder.Build();\n", calls + "var app = builder.Build();\n", StringComparison.Ordinal));
        return result;
    }

    private static string Usings => """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        """;

    private static string Program(int modules)
    {
        var text = new StringBuilder(Usings);
        text.AppendLine("using Microsoft.AspNetCore.Identity;");
        text.AppendLine("using Generated.Data;");
        text.AppendLine("using Generated.Identity;");
        text.AppendLine();
        text.AppendLine("var builder = WebApplication.CreateBuilder(args);");
        text.AppendLine("builder.Services.AddControllers();");
        text.AppendLine("builder.Services.AddDbContext<AppDbContext>();");
        text.AppendLine("builder.Services.AddIdentityCore<AppUser>(o => { o.Password.RequiredLength = 8; o.Lockout.MaxFailedAccessAttempts = 5; }).AddEntityFrameworkStores<AppDbContext>();");
        for (var i = 0; i < modules; i++)
        {
            var noun = Nouns[i % Nouns.Length] + i.ToString(CultureInfo.InvariantCulture);
            text.AppendLine($"builder.Services.AddScoped<Generated.Modules.{noun}.I{noun}Service, Generated.Modules.{noun}.{noun}Service>();");
            text.AppendLine($"builder.Services.Configure<Generated.Modules.{noun}.{noun}Options>(builder.Configuration.GetSection(\"{noun}\"));");
            if (i % 3 == 0)
            {
                text.AppendLine($"builder.Services.AddHostedService<Generated.Modules.{noun}.{noun}Worker>();");
            }
        }

        text.AppendLine("var app = builder.Build();");
        for (var i = 0; i < modules; i++)
        {
            var noun = Nouns[i % Nouns.Length] + i.ToString(CultureInfo.InvariantCulture);
            text.AppendLine(i % 3 == 0
                ? $"Generated.Modules.{noun}.{noun}Endpoints.Map(app);"
                : $"app.UseMiddleware<Generated.Modules.{noun}.{noun}Middleware>();\nGenerated.Modules.{noun}.{noun}Endpoints.Map(app);");
        }

        text.AppendLine("app.MapControllers();");
        text.AppendLine("Console.WriteLine(\"Started\");");
        text.AppendLine("app.Run();");
        return text.ToString();
    }

    private static string AppUser(string root)
        => $"namespace {root}.Identity;\n\npublic class AppUser : Microsoft.AspNetCore.Identity.IdentityUser\n{{\n    public string DisplayName {{ get; set; }} = \"\";\n}}\n";

    private static string DbContext(int modules, string root, bool identity)
    {
        var text = new StringBuilder(Usings);
        if (identity)
        {
            text.AppendLine("using Microsoft.AspNetCore.Identity.EntityFrameworkCore;");
            text.AppendLine($"using {root}.Identity;");
        }

        text.AppendLine($"namespace {root}.Data;");
        text.AppendLine();
        text.AppendLine(identity
            ? "public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)"
            : "public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)");
        text.AppendLine("{");
        for (var i = 0; i < modules; i++)
        {
            var noun = Nouns[i % Nouns.Length] + i.ToString(CultureInfo.InvariantCulture);
            text.AppendLine($"    public DbSet<{root}.Modules.{noun}.{noun}Entity> {noun}s => Set<{root}.Modules.{noun}.{noun}Entity>();");
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static string Controller(string noun, Random random)
    {
        var verb = Verbs[random.Next(Verbs.Length)];
        var console = random.Next(4) == 0
            ? $"        Console.WriteLine($\"{verb} {noun} {{id}} requested\");\n"
            : string.Empty;
        return Usings + $$"""
            namespace Generated.Modules.{{noun}};

            [ApiController]
            [Route("api/{{noun.ToLowerInvariant()}}")]
            public class {{noun}}Controller(I{{noun}}Service service, ILogger<{{noun}}Controller> logger) : ControllerBase
            {
                [HttpGet("{id:int}")]
                public async Task<ActionResult<{{noun}}Dto>> Get(int id, CancellationToken cancellationToken)
                {
                    logger.LogInformation("Fetching {{noun}} {Id}", id);
            {{console}}        var item = await service.FindAsync(id, cancellationToken);
                    if (item is null)
                    {
                        logger.LogWarning("{{noun}} {Id} was not found", id);
                        return NotFound(new ProblemDetails { Title = "{{noun}} not found", Detail = $"No {{noun.ToLowerInvariant()}} with id {id}" });
                    }

                    return Ok(item);
                }

                [HttpPost("{id:int}/{{verb.ToLowerInvariant()}}")]
                public async Task<IActionResult> {{verb}}(int id, [FromBody] {{noun}}Dto request, CancellationToken cancellationToken)
                {
                    if (string.IsNullOrWhiteSpace(request.Name))
                    {
                        return BadRequest("Name is required");
                    }

                    await service.{{verb}}Async(id, request, cancellationToken);
                    logger.LogInformation("{{verb}} {{noun}} {Id} by {User}", id, User.Identity?.Name ?? "anonymous");
                    return Accepted($"/api/{{noun.ToLowerInvariant()}}/{id}");
                }

                [HttpGet]
                public async Task<IReadOnlyList<{{noun}}Dto>> List([FromQuery] int page = 1, [FromQuery] int size = 20, CancellationToken cancellationToken = default)
                {
                    var items = await service.ListAsync(page, size, cancellationToken);
                    logger.LogDebug("Listed {Count} {{noun}} items on page {Page}", items.Count, page);
                    return items;
                }
            }

            """;
    }

    private static string Service(string noun, string root, Random random)
    {
        var secretLine = random.Next(10) == 0
            ? $"    private const string ApiKey = \"sk_live_{RandomToken(random, 24)}\";\n"
            : $"    private const string ApiBase = \"https://api.example.com/v2/{noun.ToLowerInvariant()}\";\n";
        var debug = random.Next(5) == 0 ? "        System.Diagnostics.Debug.WriteLine($\"Saving {id}\");\n" : string.Empty;
        return Usings + $$"""
            namespace {{root}}.Modules.{{noun}};

            public sealed record {{noun}}Dto(int Id, string Name, decimal Amount, DateTimeOffset CreatedAt);

            public class {{noun}}Entity
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public decimal Amount { get; set; }
                public DateTimeOffset CreatedAt { get; set; }
            }

            public interface I{{noun}}Service
            {
                Task<{{noun}}Dto?> FindAsync(int id, CancellationToken cancellationToken);
                Task<IReadOnlyList<{{noun}}Dto>> ListAsync(int page, int size, CancellationToken cancellationToken);
                Task {{Verbs[0]}}Async(int id, {{noun}}Dto request, CancellationToken cancellationToken);
            {{string.Concat(Verbs.Skip(1).Select(v => $"    Task {v}Async(int id, {noun}Dto request, CancellationToken cancellationToken);\n"))}}}

            public sealed class {{noun}}Service({{root}}.Data.AppDbContext db, IOptions<{{noun}}Options> options, ILogger<{{noun}}Service> logger) : I{{noun}}Service
            {
            {{secretLine}}
                public async Task<{{noun}}Dto?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    var entity = await db.{{noun}}s.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
                    return entity is null ? null : new {{noun}}Dto(entity.Id, entity.Name, entity.Amount, entity.CreatedAt);
                }

                public async Task<IReadOnlyList<{{noun}}Dto>> ListAsync(int page, int size, CancellationToken cancellationToken)
                {
                    var take = Math.Min(size, options.Value.MaxPageSize);
                    return await db.{{noun}}s
                        .OrderBy(e => e.Id)
                        .Skip((page - 1) * take)
                        .Take(take)
                        .Select(e => new {{noun}}Dto(e.Id, e.Name, e.Amount, e.CreatedAt))
                        .ToListAsync(cancellationToken);
                }

            {{string.Concat(Verbs.Select(v => $$"""
                public async Task {{v}}Async(int id, {{noun}}Dto request, CancellationToken cancellationToken)
                {
                    var entity = await db.{{noun}}s.FindAsync(new object[] { id }, cancellationToken) ?? throw new KeyNotFoundException($"{{noun}} {id} not found");
                    entity.Name = request.Name.Trim();
                    entity.Amount = Math.Round(request.Amount, 2);
            {{debug}}        await db.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("{{v}} done for {{noun}} {Id} in {Region}", id, options.Value.Region);
                }


            """))}}}

            """;
    }

    private static string Options(string noun, string root, Random random) => Usings + $$"""
        namespace {{root}}.Modules.{{noun}};

        public sealed class {{noun}}Options
        {
            public const string Section = "{{noun}}";
            public string Region { get; set; } = "{{(random.Next(2) == 0 ? "westeurope" : "eastus")}}";
            public int MaxPageSize { get; set; } = {{10 + random.Next(90)}};
            public string EndpointUrl { get; set; } = "https://{{noun.ToLowerInvariant()}}.internal.example.com";
            public string ApiKeyName { get; set; } = "X-Api-Key";
            public string ConnectionStringName { get; set; } = "{{noun}}Db";
            public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds({{5 + random.Next(30)}});
            public string TokenEndpoint { get; set; } = "https://login.example.com/oauth2/token";
            public string ClientSecret { get; set; } = "{{(random.Next(8) == 0 ? RandomToken(random, 32) : "")}}";
        }

        """;

    private static string Endpoints(string noun, Random random) => Usings + $$"""
        namespace Generated.Modules.{{noun}};

        public static class {{noun}}Endpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                var group = app.MapGroup("/v2/{{noun.ToLowerInvariant()}}");
                group.MapGet("/", async (I{{noun}}Service service, CancellationToken ct) => Results.Ok(await service.ListAsync(1, 20, ct)));
                group.MapGet("/{id:int}", async (int id, I{{noun}}Service service, CancellationToken ct) =>
                    await service.FindAsync(id, ct) is { } item ? Results.Ok(item) : Results.NotFound());
                group.MapDelete("/{id:int}", (int id, ILogger<{{noun}}Options> logger) =>
                {
                    logger.LogWarning("Delete of {{noun}} {Id} refused", id);
                    return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
                });
                group.MapGet("/health-{{random.Next(1000)}}", () => Results.Text("{{noun}} module ok", "text/plain"));
            }
        }

        """;

    private static string Middleware(string noun, Random random) => Usings + $$"""
        namespace Generated.Modules.{{noun}};

        public sealed class {{noun}}Middleware(RequestDelegate next, ILogger<{{noun}}Middleware> logger)
        {
            private const string HeaderName = "X-{{noun}}-Trace";

            public async Task InvokeAsync(HttpContext context)
            {
                var started = DateTimeOffset.UtcNow;
                context.Response.Headers[HeaderName] = Guid.NewGuid().ToString("N");
                await next(context);
                var elapsed = DateTimeOffset.UtcNow - started;
                if (elapsed > TimeSpan.FromMilliseconds({{100 + random.Next(900)}}))
                {
                    logger.LogWarning("Slow request {Path} took {Elapsed} ms", context.Request.Path, elapsed.TotalMilliseconds);
                }
            }
        }

        """;

    private static string Worker(string noun, Random random) => Usings + $$"""
        namespace Generated.Modules.{{noun}};

        public sealed class {{noun}}Worker(IServiceScopeFactory scopes, ILogger<{{noun}}Worker> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    using var scope = scopes.CreateScope();
                    var service = scope.ServiceProvider.GetRequiredService<I{{noun}}Service>();
                    var items = await service.ListAsync(1, 50, stoppingToken);
                    logger.LogInformation("{{noun}} worker saw {Count} items", items.Count);
                    {{(random.Next(3) == 0 ? "Console.WriteLine(\"tick\");" : "")}}
                    await Task.Delay(TimeSpan.FromSeconds({{30 + random.Next(300)}}), stoppingToken);
                }
            }
        }

        """;

    private static string Registrations(int modules, string root, string extension, bool identity)
    {
        var text = new StringBuilder(Usings);
        if (identity)
        {
            text.AppendLine("using Microsoft.AspNetCore.Identity;");
            text.AppendLine($"using {root}.Identity;");
        }

        text.AppendLine($"using {root}.Data;");
        text.AppendLine($"namespace {root};");
        text.AppendLine();
        text.AppendLine("public static class ServiceCollectionExtensions");
        text.AppendLine("{");
        text.AppendLine($"    public static IServiceCollection {extension}(this IServiceCollection services, IConfiguration configuration)");
        text.AppendLine("    {");
        text.AppendLine("        services.AddDbContext<AppDbContext>();");
        if (identity)
        {
            text.AppendLine("        services.AddIdentityCore<AppUser>(o => { o.Password.RequiredLength = 14; o.Lockout.MaxFailedAccessAttempts = 5; }).AddEntityFrameworkStores<AppDbContext>();");
        }

        for (var i = 0; i < modules; i++)
        {
            var noun = Nouns[i % Nouns.Length] + i.ToString(CultureInfo.InvariantCulture);
            text.AppendLine($"        services.AddScoped<{root}.Modules.{noun}.I{noun}Service, {root}.Modules.{noun}.{noun}Service>();");
            text.AppendLine($"        services.AddScoped<{root}.Modules.{noun}.{noun}Repository>();");
            text.AppendLine($"        services.Configure<{root}.Modules.{noun}.{noun}Options>(configuration.GetSection({root}.Modules.{noun}.{noun}Options.Section));");
        }

        text.AppendLine("        return services;");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }

    private static string Repository(string noun, string root) => Usings + $$"""
        namespace {{root}}.Modules.{{noun}};

        public sealed class {{noun}}Repository({{root}}.Data.AppDbContext db, ILogger<{{noun}}Repository> logger)
        {
            public Task<{{noun}}Entity?> GetAsync(int id, CancellationToken cancellationToken)
                => db.{{noun}}s.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

            public async Task<IReadOnlyList<{{noun}}Entity>> RecentAsync(DateTimeOffset since, int take, CancellationToken cancellationToken)
                => await db.{{noun}}s.Where(e => e.CreatedAt >= since).OrderByDescending(e => e.CreatedAt).Take(take).ToListAsync(cancellationToken);

            public async Task AddAsync({{noun}}Entity entity, CancellationToken cancellationToken)
            {
                db.{{noun}}s.Add(entity);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Added {{noun}} {Id}", entity.Id);
            }

            public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
            {
                var old = await db.{{noun}}s.Where(e => e.CreatedAt < cutoff).ToListAsync(cancellationToken);
                db.{{noun}}s.RemoveRange(old);
                var removed = await db.SaveChangesAsync(cancellationToken);
                logger.LogDebug("Purged {Count} {{noun}} rows older than {Cutoff}", removed, cutoff);
                return removed;
            }
        }

        """;

    private static string OrdinaryCode(string noun, string root, Random random) => Usings + $$"""
        namespace {{root}}.Modules.{{noun}};

        public enum {{noun}}Status { Draft, Active, Suspended, Closed }

        public static class {{noun}}Rules
        {
            private const decimal TaxRate = 0.{{10 + random.Next(15)}}m;
            private static readonly string[] Reserved = { "admin", "root", "system", "{{noun.ToLowerInvariant()}}" };

            public static decimal Total(IEnumerable<{{noun}}Dto> items, decimal discount)
            {
                var sum = 0m;
                foreach (var item in items)
                {
                    sum += item.Amount;
                }

                var discounted = Math.Max(0, sum - discount);
                return Math.Round(discounted * (1 + TaxRate), 2, MidpointRounding.AwayFromZero);
            }

            public static IReadOnlyDictionary<string, decimal> ByName(IEnumerable<{{noun}}Dto> items)
                => items.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Sum(i => i.Amount), StringComparer.OrdinalIgnoreCase);

            public static IReadOnlyList<string> Validate({{noun}}Dto dto)
            {
                var errors = new List<string>();
                if (string.IsNullOrWhiteSpace(dto.Name))
                {
                    errors.Add("Name is required");
                }
                else if (Reserved.Contains(dto.Name.Trim().ToLowerInvariant()))
                {
                    errors.Add($"'{dto.Name}' is a reserved name");
                }

                if (dto.Amount < 0 || dto.Amount > {{1000 + random.Next(100000)}})
                {
                    errors.Add($"Amount {dto.Amount} is out of range");
                }

                return errors;
            }

            public static {{noun}}Status Next({{noun}}Status status, bool approve) => status switch
            {
                {{noun}}Status.Draft => approve ? {{noun}}Status.Active : {{noun}}Status.Closed,
                {{noun}}Status.Active => approve ? {{noun}}Status.Active : {{noun}}Status.Suspended,
                {{noun}}Status.Suspended => approve ? {{noun}}Status.Active : {{noun}}Status.Closed,
                _ => status,
            };

            public static string Describe({{noun}}Dto dto)
                => $"{{noun}} #{dto.Id} '{dto.Name}': {dto.Amount.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} since {dto.CreatedAt:yyyy-MM-dd}";
        }

        """;

    private static string RandomToken(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
