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
    public PipelineCall(string name, PipelineTarget target, IMethodSymbol method, InvocationExpressionSyntax invocation, StartupFeature mayRegister, EnvironmentGuard guard, Facts.MethodStartupFacts? facts = null)
    {
        Facts = facts;
        Name = name;
        Target = target;
        Method = method;
        Syntax = invocation.GetReference();
        Location = invocation.GetLocation();
        MayRegister = mayRegister;
        Guard = guard;
    }

    /// <summary>The method's name, e.g. <c>AddHealthChecks</c>.</summary>
    public string Name { get; }

    public PipelineTarget Target { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The invocation's location (the whole call expression).</summary>
    public Location Location { get; }

    /// <summary>The invocation: <c>(InvocationExpressionSyntax)Syntax.GetSyntax(cancellationToken)</c>, without a search by span.</summary>
    public SyntaxReference Syntax { get; }

    /// <summary>
    /// The environments the call runs in (<see cref="EnvironmentGuards"/>): a health endpoint mapped only in Development is
    /// no health endpoint in production; a developer exception page in the <c>IsDevelopment()</c> branch is correct.
    /// </summary>
    public EnvironmentGuard Guard { get; }

    /// <summary>The invocation expression.</summary>
    public InvocationExpressionSyntax Invocation(System.Threading.CancellationToken cancellationToken)
        => (InvocationExpressionSyntax)Syntax.GetSyntax(cancellationToken);

    /// <summary>
    /// What this call may register where we cannot see it (<see cref="DelegationPolicy"/>): every feature for an extension
    /// method of another, unknown assembly (<c>builder.AddServiceDefaults()</c> from a shared project), none for the
    /// framework's calls and code of this compilation; for a method with <see cref="Facts"/>, what those leave unknown.
    /// </summary>
    public StartupFeature MayRegister { get; }

    /// <summary>
    /// What the called method of another project registers and maps, when that project recorded it
    /// (<see cref="Facts.StartupFacts"/>): the call is then judged as if the method's code were inline.
    /// </summary>
    public Facts.MethodStartupFacts? Facts { get; }

    public override string ToString() => Guard == EnvironmentGuard.Unguarded ? Target + ":" + Name : Target + ":" + Name + " (" + Guard + ")";
}
