using Microsoft.CodeAnalysis;

namespace Readiness.Analyzers.AppModel;

/// <summary>What a start-up call configures, judged by the type it is called on.</summary>
public enum PipelineTarget
{
    /// <summary>Creates the host: <c>WebApplication.CreateBuilder</c>, <c>Host.CreateApplicationBuilder</c>, <c>ConfigureWebHostDefaults</c>…</summary>
    HostCreation,
    /// <summary>A service registration on <c>IServiceCollection</c> (or on a builder it returns, such as <c>IHealthChecksBuilder</c>).</summary>
    Services,
    /// <summary>Middleware or endpoints on <c>IApplicationBuilder</c> / <c>IEndpointRouteBuilder</c> / <c>WebApplication</c>.</summary>
    Application,
    /// <summary>A call on the host builder itself (<c>WebApplicationBuilder</c>, <c>IHostApplicationBuilder</c>, <c>IHostBuilder</c>, <c>IWebHostBuilder</c>).</summary>
    HostBuilder,
}

/// <summary>One call of the app's start-up pipeline, found anywhere in the compilation.</summary>
public sealed class PipelineCall
{
    public PipelineCall(string name, PipelineTarget target, IMethodSymbol method, Location location, StartupFeature mayRegister)
    {
        Name = name;
        Target = target;
        Method = method;
        Location = location;
        MayRegister = mayRegister;
    }

    /// <summary>The method's name, e.g. <c>AddHealthChecks</c>.</summary>
    public string Name { get; }

    public PipelineTarget Target { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The invocation's location (the whole call expression).</summary>
    public Location Location { get; }

    /// <summary>
    /// What this call may register where we cannot see it (<see cref="DelegationPolicy"/>): every feature for an extension
    /// method of another, unknown assembly (<c>builder.AddServiceDefaults()</c> from a shared project), none for the
    /// framework's calls and code of this compilation.
    /// </summary>
    public StartupFeature MayRegister { get; }

    public override string ToString() => Target + ":" + Name;
}
