namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>The global usings the .NET SDK generates with <c>ImplicitUsings</c> (the Web SDK's set for web apps).</summary>
public static class ImplicitUsingsSource
{
    public static string For(TestProjectKind kind)
    {
        var usings = new List<string>
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };
        if (kind is TestProjectKind.Web or TestProjectKind.Unspecified)
        {
            usings.AddRange(new[]
            {
                "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
                "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
            });
        }
        else if (kind is TestProjectKind.Worker)
        {
            usings.AddRange(new[]
            {
                "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
            });
        }

        return string.Concat(usings.Select(u => "global using global::" + u + ";\n"));
    }
}
