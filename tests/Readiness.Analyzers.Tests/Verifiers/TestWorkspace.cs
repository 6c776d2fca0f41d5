using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Readiness.Analyzers.Tests.Verifiers;

/// <summary>A workspace project over the offline reference set, for driving code fixes directly (torture, Fix All at scale).</summary>
public static class TestWorkspace
{
    /// <summary>Adds a project with <paramref name="documents"/> and a <c>.globalconfig</c> of <paramref name="globalConfig"/> lines.</summary>
    public static Project AddProject(
        AdhocWorkspace workspace,
        OutputKind outputKind,
        IEnumerable<(string Path, SourceText Text)> documents,
        params string[] globalConfig)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All))
            .AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId),
                ".globalconfig",
                SourceText.From("is_global = true\n" + string.Concat(globalConfig.Select(line => line + "\n"))),
                filePath: "/.globalconfig");
        foreach (var (path, text) in documents)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), text, filePath: path);
        }

        return solution.GetProject(projectId)!;
    }

    public static readonly string[] WebApp = { "build_property.UsingMicrosoftNETSdkWeb = true", "build_property.OutputType = Exe" };

    public static readonly string[] Worker = { "build_property.UsingMicrosoftNETSdkWorker = true", "build_property.OutputType = Exe" };
}
