namespace Readiness.Analyzers.AppModel.Facts;

/// <summary>
/// One start-up call that a library's public start-up method makes, directly or through its own helpers and the facts of
/// the libraries it calls: what the web project that calls the method would see if the code were its own.
/// </summary>
public sealed class StartupFact
{
    public StartupFact(string name, PipelineTarget target, EnvironmentGuard guard, StartupFeature features, string receiver)
    {
        Name = name;
        Target = target;
        Guard = guard;
        Features = features;
        Receiver = receiver;
    }

    /// <summary>The called method's name, e.g. <c>MapHealthChecks</c>.</summary>
    public string Name { get; }

    public PipelineTarget Target { get; }

    /// <summary>The guard it runs under inside the library (the innermost deciding guard, as <see cref="EnvironmentGuards"/> judges).</summary>
    public EnvironmentGuard Guard { get; }

    /// <summary>The features the call configures (<see cref="StartupFeatures.Of"/>).</summary>
    public StartupFeature Features { get; }

    /// <summary>The simple name of the type the call is made on (<c>IServiceCollection</c>, <c>IHealthChecksBuilder</c>…).</summary>
    public string Receiver { get; }

    /// <summary>The same call seen from a caller that runs under <paramref name="outer"/>: the innermost deciding guard wins.</summary>
    public StartupFact Under(EnvironmentGuard outer)
        => Guard != EnvironmentGuard.Unguarded || outer == EnvironmentGuard.Unguarded ? this : new StartupFact(Name, Target, outer, Features, Receiver);

    public override string ToString() => Target + ":" + Name + (Guard == EnvironmentGuard.Unguarded ? "" : " (" + Guard + ")");
}

/// <summary>What one public start-up method of a library registers, maps and hands on to code without facts.</summary>
public sealed class MethodStartupFacts
{
    public MethodStartupFacts(string methodId, string display, StartupFeature delegated, ImmutableArray<StartupFact> calls)
    {
        MethodId = methodId;
        Display = display;
        Delegated = delegated;
        Calls = calls;
    }

    /// <summary>The method's documentation comment ID (<c>M:Ns.Type.Method(…)</c>): how a caller finds it.</summary>
    public string MethodId { get; }

    /// <summary>How a message names the method: <c>Extensions.MapDefaultEndpoints</c>.</summary>
    public string Display { get; }

    /// <summary>What the method hands on to libraries without facts (<see cref="DelegationPolicy"/>).</summary>
    public StartupFeature Delegated { get; }

    public ImmutableArray<StartupFact> Calls { get; }

    /// <summary>
    /// What a call of this method may still register where we cannot see it: what it hands on, and every feature its facts
    /// touch that the rules do not yet judge from facts. Health checks are judged from the facts themselves.
    /// </summary>
    public StartupFeature MayRegister
    {
        get
        {
            var touched = StartupFeature.None;
            foreach (var call in Calls)
            {
                touched |= call.Features;
            }

            return Delegated | (touched & ~StartupFacts.JudgedFromFacts);
        }
    }
}
