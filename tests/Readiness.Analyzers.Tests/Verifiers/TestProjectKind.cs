namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>The kind of project a test compilation pretends to be, through the MSBuild properties the package makes visible.</summary>
public enum TestProjectKind
{
    /// <summary><c>Microsoft.NET.Sdk.Web</c>, an executable.</summary>
    Web,
    /// <summary><c>Microsoft.NET.Sdk.Worker</c>, an executable.</summary>
    Worker,
    /// <summary><c>Microsoft.NET.Sdk</c> executable: a command-line tool.</summary>
    Console,
    /// <summary>A class library.</summary>
    Library,
    /// <summary>A test project (<c>IsTestProject=true</c>).</summary>
    Test,
    /// <summary>No build properties at all: the model must decide from the code alone (as in an IDE without the package's props).</summary>
    Unspecified,
}
