namespace Readiness.Analyzers.AppModel.Facts;

/// <summary>
/// A start-up call made inside another project's start-up method, as the caller's model sees it: the fact, under the
/// guard of both the library code and the call into it, and the call in this compilation that brings it in — where a
/// rule reports, naming the project and method that hold the code.
/// </summary>
public sealed class ImportedCall
{
    public ImportedCall(StartupFact fact, PipelineCall via, MethodStartupFacts method)
    {
        Fact = fact.Under(via.Guard);
        Via = via;
        Method = method;
    }

    public StartupFact Fact { get; }

    public string Name => Fact.Name;

    public EnvironmentGuard Guard => Fact.Guard;

    /// <summary>The call in this compilation (<c>app.MapDefaultEndpoints()</c>) that runs the library's code.</summary>
    public PipelineCall Via { get; }

    /// <summary>The library method's facts.</summary>
    public MethodStartupFacts Method { get; }

    /// <summary>How a message names where the call lives: <c>MapDefaultEndpoints (Extensions, in ServiceDefaults)</c>.</summary>
    public string Source
    {
        get
        {
            var definition = Via.Method.ReducedFrom ?? Via.Method;
            return Method.Display + " in " + (definition.ContainingAssembly?.Name ?? "another project");
        }
    }

    public override string ToString() => Fact + " via " + Via.Name;
}
