using System.IO.Compression;
using System.Xml.Linq;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.EndToEnd;

/// <summary>
/// The whole path a user walks, for real: pack the package, install it from a local folder into a fresh web app,
/// see the warning with its help link, fail the build on warnings, configure it, export SARIF, and apply the fix with
/// `dotnet format`. Offline: the app's only package source is the local folder, in a fresh package cache.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Rule", "RDY2001")]
public sealed class PackageEndToEndTests : IDisposable
{
    private const string AppSource = """
        using System.Threading.RateLimiting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<GreetingService>();
        builder.Services.AddHealthChecks();
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
        app.MapHealthChecks("/health");
        app.MapGet("/", (GreetingService greetings) => greetings.Greet("world"));
        app.Run();

        public sealed class GreetingService
        {
            private readonly ILogger<GreetingService> _logger;

            public GreetingService(ILogger<GreetingService> logger)
            {
                _logger = logger;
            }

            public string Greet(string name)
            {
                Console.WriteLine($"Greeting {name}");
                return "Hello " + name;
            }
        }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "readiness-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public async Task Package_installs_warns_fails_the_build_configures_exports_sarif_and_fixes()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var appDirectory = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        var cli = new DotNetCli(packages);
        var version = "0.1.0-e2e" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        // Pack the real package (its own restore reuses the machine's package cache, not the isolated one).
        var pack = await new DotNetCli(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? DefaultPackagesFolder())
            .RunAsync(Repository.Root, "pack", "src/Readiness.Analyzers.Package/Readiness.Analyzers.Package.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);
        Assert.True(pack.ExitCode == 0, "pack failed: " + pack);
        var nupkg = Path.Combine(feed, $"Readiness.Analyzers.{version}.nupkg");
        AssertPackageLayout(nupkg);

        // A fresh web app that references the package from the local folder only.
        File.WriteAllText(Path.Combine(appDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(appDirectory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Readiness.Analyzers" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var program = Path.Combine(appDirectory, "Program.cs");
        File.WriteAllText(program, AppSource);

        var restore = await cli.RunAsync(appDirectory, "restore");
        Assert.True(restore.ExitCode == 0, "restore failed: " + restore);

        // 1. dotnet build shows the warning with its help link; the SDK loads the analyzer without CS8032 or AD0001.
        var build = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental");
        Assert.True(build.ExitCode == 0, "build failed: " + build);
        Assert.Contains("warning RDY2001", build.Output, StringComparison.Ordinal);
        Assert.Contains("src/docs/rules/RDY2001.md", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);

        // 2. -warnaserror and TreatWarningsAsErrors fail the build.
        var strict = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental", "-warnaserror");
        Assert.True(strict.ExitCode != 0, "-warnaserror did not fail: " + strict);
        Assert.Contains("error RDY2001", strict.Output, StringComparison.Ordinal);
        var treat = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental", "-p:TreatWarningsAsErrors=true");
        Assert.True(treat.ExitCode != 0, "TreatWarningsAsErrors did not fail: " + treat);

        // 3. SARIF comes out with ErrorLog.
        var sarif = Path.Combine(_root, "readiness.sarif");
        var sarifBuild = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
        Assert.True(sarifBuild.ExitCode == 0, "SARIF build failed: " + sarifBuild);
        Assert.True(File.Exists(sarif), "no SARIF file");
        var sarifText = File.ReadAllText(sarif);
        Assert.Contains("\"RDY2001\"", sarifText, StringComparison.Ordinal);
        Assert.Contains("2.1.0", sarifText, StringComparison.Ordinal);

        // 4. An .editorconfig severity and a custom option reach the analyzer.
        var editorConfig = Path.Combine(appDirectory, ".editorconfig");
        File.WriteAllText(editorConfig, "root = true\n\n[*.cs]\ndotnet_diagnostic.RDY2001.severity = error\n");
        var asError = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental");
        Assert.True(asError.ExitCode != 0 && asError.Output.Contains("error RDY2001", StringComparison.Ordinal), ".editorconfig severity ignored: " + asError);
        File.WriteAllText(editorConfig, "root = true\n\n[*.cs]\nreadiness.logging.console_output = never\n");
        var optedOut = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental");
        Assert.True(optedOut.ExitCode == 0, "build failed: " + optedOut);
        Assert.DoesNotContain("RDY2001", optedOut.Output, StringComparison.Ordinal);
        File.Delete(editorConfig);

        // 5. dotnet format applies the package's code fix, and the app then builds clean.
        var format = await cli.RunAsync(appDirectory, "format", "analyzers", "--diagnostics", "RDY2001", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, "dotnet format failed: " + format);
        var fixedSource = File.ReadAllText(program);
        Assert.Contains("_logger.LogInformation(\"Greeting {Name}\", name);", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain("Console.WriteLine", fixedSource, StringComparison.Ordinal);
        var clean = await cli.RunAsync(appDirectory, "build", "--no-restore", "--no-incremental", "-warnaserror");
        Assert.True(clean.ExitCode == 0, "fixed app does not build clean: " + clean);
        Assert.DoesNotContain("RDY2001", clean.Output, StringComparison.Ordinal);
    }

    private static void AssertPackageLayout(string nupkg)
    {
        Assert.True(File.Exists(nupkg), nupkg + " was not produced");
        using var archive = ZipFile.OpenRead(nupkg);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Readiness.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Readiness.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("build/Readiness.Analyzers.props", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Equal(2, entries.Count(e => e.EndsWith(".dll", StringComparison.Ordinal)));

        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
        Assert.Equal("Readiness.Analyzers", Value("id"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("analyzers", Value("tags"), StringComparison.Ordinal);
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository"));
        Assert.Empty(metadata.Elements().Where(e => e.Name.LocalName == "dependencies").SelectMany(d => d.Descendants()));
    }

    private static string DefaultPackagesFolder()
        => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
