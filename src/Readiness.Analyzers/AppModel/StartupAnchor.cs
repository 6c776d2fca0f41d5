namespace Readiness.Analyzers.AppModel;

/// <summary>How the app starts: minimal hosting (<c>WebApplication.CreateBuilder</c>) or a <c>Startup</c> class.</summary>
public enum StartupStyle
{
    MinimalHosting,
    StartupClass,
}

/// <summary>A place where an absence rule reports: a host-creating call, or a <c>Startup.ConfigureServices</c> method name.</summary>
public sealed class StartupAnchor
{
    public StartupAnchor(Location location, StartupStyle style, INamedTypeSymbol type)
    {
        Location = location;
        Style = style;
        Type = type;
    }

    public Location Location { get; }

    public StartupStyle Style { get; }

    /// <summary>The factory type (<c>WebApplication</c>, <c>Host</c>) or the <c>Startup</c> class.</summary>
    public INamedTypeSymbol Type { get; }
}
