using Microsoft.CodeAnalysis.Text;

namespace Readiness.Analyzers.Secrets;

/// <summary>
/// RDY1101: a committed config file given as an AdditionalFile (<c>appsettings*.json</c>, <c>.env*</c>,
/// <c>docker-compose*.yml</c>/<c>compose*.yml</c>) holds a real secret: a provider token (RDY1001's catalog), a credential
/// in a connection string or URI (RDY1003's), or a real value under a secret-named key (RDY1002's classifier, applied to
/// the JSON key path or the variable name). <c>${VAR}</c>, <c>*_FILE</c>, Key Vault references and the values of
/// <c>.env.example</c>-style templates are references, not secrets. Reported at the value's line and column in the file;
/// such diagnostics take their severity only from a <c>.globalconfig</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInConfigFileAnalyzer : ReadinessAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RDY1101_SecretInConfigFile);

    protected override RuleScope Scope => RuleScope.AnyProject;

    protected override void OnCompilationStart(CompilationStartAnalysisContext start, RuleEnvironment environment)
    {
        if (start.Options.AdditionalFiles.IsDefaultOrEmpty)
        {
            return;
        }

            start.RegisterAdditionalFileAction(context =>
        {
            var file = context.AdditionalFile;
            var kind = ConfigFileScanner.KindOf(file.Path);
            if (kind == ConfigFileKind.None
                || !Enabled(context.Options, kind)
                || !environment.AppliesGlobally(context.CancellationToken))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null || text.Length == 0 || text.Length > 2_000_000)
            {
                return;
            }

            var settings = SecretsSettings.Global(context.Options);
            var content = text.ToString();
            var fileName = System.IO.Path.GetFileName(file.Path);
            foreach (var entry in ConfigFileScanner.Read(kind, content))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!TryClassify(entry, kind, settings, out var what, out var hint))
                {
                    continue;
                }

                var span = new TextSpan(entry.Start, entry.Length);
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RDY1101_SecretInConfigFile,
                    location,
                    entry.Key,
                    fileName,
                    what,
                    hint));
            }
        });
    }

    private static bool Enabled(AnalyzerOptions options, ConfigFileKind kind)
    {
        var files = options.GetGlobal(ReadinessOptions.SecretConfigFiles);
        var name = kind switch
        {
            ConfigFileKind.AppSettings => "appsettings",
            ConfigFileKind.Compose => "compose",
            _ => "env",
        };
        return files.Contains(name);
    }

    private static bool TryClassify(ConfigEntry entry, ConfigFileKind kind, SecretsSettings settings, out string what, out string hint)
    {
        what = hint = string.Empty;
        var value = entry.Value;
        if (SecretText.IsBlank(value) || SecretText.IsReference(value, bareVariable: true) || settings.IsAllowed(value))
        {
            return false;
        }

        if (ProviderTokens.TryFind(value, out var token))
        {
            what = token.Family.Label;
            hint = token.Hint;
            return true;
        }

        if (StructuredCredentials.TryFind(value, out var credential))
        {
            what = credential.Kind;
            hint = credential.Hint;
            return true;
        }

        if (kind == ConfigFileKind.DotEnvTemplate)
        {
            return false; // .env.example: values are placeholders by contract
        }

        var name = settings.Classify(entry.Key);
        if (!name.IsSecret || name.Kind == SecretKind.ConnectionString || !settings.IsSecretValue(value, name))
        {
            return false;
        }

        what = (name.Kind == SecretKind.Password ? "a " : StartsWithVowel(name.Label) ? "an " : "a ") + name.Label;
        hint = SecretText.Mask(null, value.Length);
        return true;
    }

    private static bool StartsWithVowel(string text) => text.Length > 0 && "aeiouAEIOU".IndexOf(text[0]) >= 0 && !text.StartsWith("user", StringComparison.OrdinalIgnoreCase);
}
