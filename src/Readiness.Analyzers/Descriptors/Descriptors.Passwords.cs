namespace Readiness.Analyzers;

public static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RDY4001_IdentityPasswordTooShort = Create(
        RuleIds.RDY4001_IdentityPasswordTooShort,
        title: "Require long passwords in ASP.NET Core Identity",
        messageFormat: "ASP.NET Core Identity accepts passwords of {0} characters{1}; require at least {2} (OWASP ASVS, NIST SP 800-63B)",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Length is the property of a password that matters most against guessing and cracking. ASP.NET Core Identity's default minimum is 6 characters; current guidance (OWASP ASVS V2.1.1, NIST SP 800-63B) asks for more. Set IdentityOptions.Password.RequiredLength to the team's minimum (12 by default).");

    public static readonly DiagnosticDescriptor RDY4002_PasswordCompositionOffWithShortLength = Create(
        RuleIds.RDY4002_PasswordCompositionOffWithShortLength,
        title: "Do not turn off every password character rule while the length stays short",
        messageFormat: "Every character-class requirement is turned off while the required length is {0}; with no composition rule a short password is trivially guessable: require at least {1} characters",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "NIST SP 800-63B lets a service drop composition rules (digit, upper case, symbol) when it requires long passwords. Turning them all off while the minimum length stays short leaves a password policy that accepts 'aaaaaa'.");

    public static readonly DiagnosticDescriptor RDY4003_AccountLockoutWeakOrDisabled = Create(
        RuleIds.RDY4003_AccountLockoutWeakOrDisabled,
        title: "Lock accounts out after repeated failed sign-ins",
        messageFormat: "{0}; online password guessing is not throttled (OWASP ASVS V2.2.1, NIST SP 800-63B 5.2.2)",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Without a lockout (or another throttle) after a small number of failed attempts, an attacker can guess passwords online at the speed of the server. Pass lockoutOnFailure: true to SignInManager, keep Lockout.AllowedForNewUsers on, a small MaxFailedAccessAttempts and a lockout time of a minute or more.");

    public static readonly DiagnosticDescriptor RDY4004_ValidationPermitsShortPassword = Create(
        RuleIds.RDY4004_ValidationPermitsShortPassword,
        title: "Do not accept short passwords in validation rules",
        messageFormat: "'{0}' accepts passwords of {1} characters on '{2}'; require at least {3} (OWASP ASVS, NIST SP 800-63B)",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "A validation attribute ([MinLength], [StringLength(MinimumLength = n)], [Length]) or a FluentValidation rule (MinimumLength, Length) on a password member sets the minimum the app accepts. Accepting fewer characters than the team's minimum (12 by default) lets users pick passwords that are cracked in minutes.");

    public static readonly DiagnosticDescriptor RDY4005_FastPasswordHashing = Create(
        RuleIds.RDY4005_FastPasswordHashing,
        title: "Hash passwords with a slow, salted password hash",
        messageFormat: "{0}, so a stolen hash is cheap to crack; {1}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        description: "Password hashes must be slow and salted (OWASP ASVS V2.4, NIST SP 800-63B 5.1.1.2): Argon2id, scrypt, bcrypt with a work factor of 10 or more, or PBKDF2 with the iteration counts of the OWASP Password Storage Cheat Sheet. MD5, SHA-1 and SHA-2, with or without a constant HMAC key, are fast hashes. ASP.NET Core Identity's PasswordHasher<TUser> does this right by default.");
}
