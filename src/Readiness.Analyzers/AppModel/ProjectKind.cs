namespace Readiness.Analyzers.AppModel;

/// <summary>What kind of project a compilation is, as far as production-readiness rules care.</summary>
public enum ProjectKind
{
    /// <summary>An ASP.NET Core app: minimal hosting, a <c>Startup</c> class or the Web SDK.</summary>
    WebApp,
    /// <summary>A generic-host app without HTTP: the Worker SDK, <c>Host.CreateApplicationBuilder</c>, hosted services.</summary>
    Worker,
    /// <summary>An executable whose console is its user interface.</summary>
    ConsoleTool,
    /// <summary>A class library.</summary>
    Library,
    /// <summary>A test project (xunit, NUnit, MSTest, TUnit, or <c>IsTestProject</c>).</summary>
    TestProject,
}
