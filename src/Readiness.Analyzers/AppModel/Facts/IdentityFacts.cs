using Readiness.Analyzers.Passwords;

namespace Readiness.Analyzers.AppModel.Facts;

/// <summary>
/// What a library's facts say about ASP.NET Core Identity's password length: an Identity registration, and whether the
/// library may set <c>RequiredLength</c> — recorded as a call of its setter, <c>set_RequiredLength</c>, so that the web app
/// judges "Identity registered, length never set" (RDY4001) across projects as it does in its own code.
/// </summary>
public static class IdentityFacts
{
    /// <summary>The fact's name: the property setter's method name.</summary>
    public const string PasswordLengthSetter = "set_RequiredLength";

    /// <summary>The Identity registrations (<c>AddIdentity…</c> returning an <c>IdentityBuilder</c>).</summary>
    public static bool IsRegistration(IMethodSymbol method)
        => method.Name is "AddIdentity" or "AddIdentityCore" or "AddDefaultIdentity" or "AddIdentityApiEndpoints"
            && method.ReturnType is { Name: "IdentityBuilder" };

    /// <summary>Whether an imported fact is an Identity registration.</summary>
    public static bool IsRegistration(StartupFact fact)
        => fact.Name is "AddIdentity" or "AddIdentityCore" or "AddDefaultIdentity" or "AddIdentityApiEndpoints"
            && (fact.Features & StartupFeature.Identity) != 0;

    /// <summary>
    /// Whether the library may set the password length anywhere, as the app-side rule judges its own code: any
    /// <c>RequiredLength</c>, or Identity's options bound outside a lambda.
    /// </summary>
    internal static bool PasswordLengthMayBeSetIn(Compilation compilation, CancellationToken cancellationToken)
        => IdentityOptionsScan.For(compilation, cancellationToken).PasswordLengthMayBeSet;

    /// <summary>Whether a registration's arguments bind configuration (<c>options => section.Bind(options)</c>).</summary>
    internal static bool RegistrationMayBindOptions(InvocationExpressionSyntax registration)
    {
        foreach (var argument in registration.ArgumentList.Arguments)
        {
            foreach (var node in argument.Expression.DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" or "Configure" or "GetSection" } })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the imported facts say another project may set the password length.</summary>
    public static bool ImportedMaySetPasswordLength(ApplicationModel model)
    {
        foreach (var imported in model.Imported)
        {
            if (imported.Name == PasswordLengthSetter)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fact that the library may set the length, under the registration's guard.</summary>
    internal static StartupFact PasswordLengthSet(EnvironmentGuard guard)
        => new(PasswordLengthSetter, PipelineTarget.Services, guard, StartupFeature.Identity, "PasswordOptions");
}
