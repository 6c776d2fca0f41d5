namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>How a project reference reaches the referencing compilation.</summary>
public enum ReferenceStyle
{
    /// <summary>As <c>dotnet build</c>: the referenced project's reference assembly.</summary>
    Build,
    /// <summary>As the IDE: the referenced project's compilation, its generated code included.</summary>
    Ide,
}
