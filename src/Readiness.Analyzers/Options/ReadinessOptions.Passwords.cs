namespace Readiness.Analyzers.Options;

public static partial class ReadinessOptions
{
    public static readonly OptionDefinition<int> PasswordMinimumLength = new(
        "readiness.passwords.minimum_length",
        12,
        "12",
        ParseInt,
        "RDY4001/RDY4002/RDY4004: the shortest password length the app may accept.");

    public static readonly OptionDefinition<int> PasswordMaxFailedAttempts = new(
        "readiness.passwords.max_failed_attempts",
        10,
        "10",
        ParseInt,
        "RDY4003: the largest Lockout.MaxFailedAccessAttempts accepted.");

    public static readonly OptionDefinition<int> Pbkdf2Sha256Iterations = new(
        "readiness.passwords.pbkdf2_sha256_iterations",
        600_000,
        "600000",
        ParseInt,
        "RDY4005: the fewest PBKDF2-HMAC-SHA256 iterations accepted (OWASP Password Storage Cheat Sheet).");

    public static readonly OptionDefinition<int> Pbkdf2Sha512Iterations = new(
        "readiness.passwords.pbkdf2_sha512_iterations",
        210_000,
        "210000",
        ParseInt,
        "RDY4005: the fewest PBKDF2-HMAC-SHA512 (and SHA384) iterations accepted (OWASP Password Storage Cheat Sheet).");

    public static readonly OptionDefinition<int> Pbkdf2Sha1Iterations = new(
        "readiness.passwords.pbkdf2_sha1_iterations",
        1_300_000,
        "1300000",
        ParseInt,
        "RDY4005: the fewest PBKDF2-HMAC-SHA1 iterations accepted (OWASP Password Storage Cheat Sheet).");

    public static readonly OptionDefinition<int> BCryptWorkFactor = new(
        "readiness.passwords.bcrypt_work_factor",
        10,
        "10",
        ParseInt,
        "RDY4005: the lowest BCrypt.Net work factor accepted.");

    public static readonly OptionDefinition<int> IdentityHasherIterations = new(
        "readiness.passwords.identity_hasher_iterations",
        100_000,
        "100000",
        ParseInt,
        "RDY4005: the lowest PasswordHasherOptions.IterationCount accepted (the framework default since .NET 7).");
}
