using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.EndToEnd;

/// <summary>
/// A two-project solution as teams set it up: the package added to every project through <c>Directory.Build.props</c>, an
/// Aspire-style service-defaults library that maps its health endpoints in Development only, and a web app that calls it.
/// <c>dotnet build</c> of the web app reports the absence rules across the project boundary, through the facts the
/// library's build recorded in its reference assembly. Offline, like <see cref="PackageEndToEndTests"/>.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Rule", "RDY3007")]
[Trait("Rule", "RDY5001")]
public sealed class WholeSolutionEndToEndTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "readiness-e2e-solution-" + Guid.NewGuid().ToString("N")[..12]);

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
    public async Task The_web_app_build_sees_what_the_service_defaults_project_maps_and_registers()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var solution = Directory.CreateDirectory(Path.Combine(_root, "solution")).FullName;
        var version = "0.1.0-e2e" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var pack = await new DotNetCli(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"))
            .RunAsync(Repository.Root, "pack", "src/Readiness.Analyzers.Package/Readiness.Analyzers.Package.csproj", "-c", "Release", "-o", feed, "-p:Version=" + version);
        Assert.True(pack.ExitCode == 0, "pack failed: " + pack);

        File.WriteAllText(Path.Combine(solution, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(solution, "Directory.Build.props"), $"""
            <Project>
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

        var defaults = Directory.CreateDirectory(Path.Combine(solution, "MyApp.ServiceDefaults")).FullName;
        File.WriteAllText(Path.Combine(defaults, "MyApp.ServiceDefaults.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(defaults, "Extensions.cs"), WholeApplication.Projects.ServiceDefaultsDevelopmentOnly);

        var api = Directory.CreateDirectory(Path.Combine(solution, "MyApp.Api")).FullName;
        File.WriteAllText(Path.Combine(api, "MyApp.Api.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="../MyApp.ServiceDefaults/MyApp.ServiceDefaults.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(api, "Program.cs"), WholeApplication.Projects.AspireProgram);

        var cli = new DotNetCli(packages);
        var restore = await cli.RunAsync(api, "restore");
        Assert.True(restore.ExitCode == 0, "restore failed: " + restore);
        var build = await cli.RunAsync(api, "build", "--no-restore", "--no-incremental");

        Assert.True(build.ExitCode == 0, "build failed: " + build);
        Assert.Contains("warning RDY3007", build.Output, StringComparison.Ordinal);
        Assert.Contains("MapHealthChecks in Extensions.MapDefaultEndpoints in MyApp.ServiceDefaults", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning RDY5001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", build.Output, StringComparison.Ordinal);
    }
}
