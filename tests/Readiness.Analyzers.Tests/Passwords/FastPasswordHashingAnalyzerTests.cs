using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.CodeFixes.Passwords;
using Readiness.Analyzers.Passwords;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Passwords;

[Trait("Rule", "RDY4005")]
public class FastPasswordHashingAnalyzerTests
{
    private static ReadinessTest<FastPasswordHashingAnalyzer, EmptyCodeFixProvider> Test(string source)
        => new ReadinessTest<FastPasswordHashingAnalyzer, EmptyCodeFixProvider>().WithImplicitUsings().WithSource(source);

    private static ReadinessTest<FastPasswordHashingAnalyzer, PasswordsCodeFixProvider> Fix(string source, string fixedSource)
        => new ReadinessTest<FastPasswordHashingAnalyzer, PasswordsCodeFixProvider>().WithImplicitUsings().WithSource(source).WithFixedSource(fixedSource);

    [Fact]
    public async Task Reports_fast_hashes_of_passwords()
    {
        await Test("""
            using System.Security.Cryptography;
            using System.Text;

            public record Register(string Email, string Password);

            public class UserService
            {
                private static readonly byte[] Pepper = Encoding.UTF8.GetBytes("not-a-secret");

                public string HashSha256(string password, string salt)
                    => Convert.ToHexString({|#0:SHA256.HashData(Encoding.UTF8.GetBytes(password + salt))|});

                public byte[] HashMd5(Register request) => {|RDY4005:MD5.HashData(Encoding.UTF8.GetBytes(request.Password))|};

                public byte[] HashWithLocal(string password)
                {
                    var bytes = Encoding.UTF8.GetBytes($"{password}:salt");
                    using var sha = SHA512.Create();
                    return {|RDY4005:sha.ComputeHash(bytes)|};
                }

                public byte[] HashSha1(byte[] passwordBytes) => {|RDY4005:SHA1.HashData(passwordBytes)|};

                public byte[] HmacWithConstantKey(string password)
                {
                    using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("static-key"));
                    return {|RDY4005:hmac.ComputeHash(Encoding.UTF8.GetBytes(password))|};
                }

                public byte[] HmacWithConstantField(string newPassword)
                    => {|RDY4005:HMACSHA512.HashData(Pepper, Encoding.UTF8.GetBytes(newPassword))|};
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.RDY4005_FastPasswordHashing).WithLocation(0)
                .WithArguments("'SHA256.HashData' hashes 'password' with a fast hash", "use PasswordHasher<TUser>, Argon2id, bcrypt or PBKDF2 with the OWASP iteration count"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_hashes_of_other_data_secret_keys_or_breach_checks()
    {
        await Test("""
            using System.Security.Cryptography;
            using System.Text;

            public class Hashing
            {
                private readonly byte[] _pepper;

                public Hashing(IConfiguration configuration) => _pepper = Convert.FromBase64String(configuration["Pepper"]!);

                public string ETag(byte[] body) => Convert.ToHexString(SHA256.HashData(body));

                public string CacheKey(string userId, string query) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(userId + query)));

                public byte[] FileChecksum(Stream file) => SHA256.HashData(file);

                public byte[] PepperedPassword(string password) => HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(password));

                public byte[] StoredHashChecksum(string passwordHash) => SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash));

                public int PasswordLength(string password) => password.Length;

                public byte[] DeclaredAsBase(string password)
                {
                    HashAlgorithm algorithm = new HMACSHA256(_pepper);
                    return algorithm.ComputeHash(Encoding.UTF8.GetBytes(password));
                }
            }

            public class PwnedPasswordsClient
            {
                // k-anonymity range query: only the first five hex characters leave the machine.
                public string Prefix(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)))[..5];
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_weak_pbkdf2()
    {
        await Test("""
            using System.Security.Cryptography;
            using Microsoft.AspNetCore.Cryptography.KeyDerivation;

            public class Pbkdf2Hasher
            {
                private const int Iterations = 10_000;

                public byte[] Sha256(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, {|#0:Iterations|}, HashAlgorithmName.SHA256, 32);

                public byte[] Sha512(string password, byte[] salt)
                    => KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA512, {|RDY4005:100_000|}, 32);

                public byte[] Sha1(string password, byte[] salt)
                {
            #pragma warning disable SYSLIB0041
                    using var derive = {|#1:new Rfc2898DeriveBytes(password, salt)|};
            #pragma warning restore SYSLIB0041
                    return derive.GetBytes(32);
                }

                public byte[] Explicit(string password, byte[] salt)
                {
                    using var derive = new Rfc2898DeriveBytes(password, salt, {|RDY4005:1000|}, HashAlgorithmName.SHA1);
                    return derive.GetBytes(20);
                }
            }
            """)
            .Expect(
                new DiagnosticResult(Descriptors.RDY4005_FastPasswordHashing).WithLocation(0)
                    .WithArguments("PBKDF2-HMAC-SHA256 with 10,000 iterations is fast", "use at least 600,000 iterations for HMAC-SHA256 (OWASP)"),
                new DiagnosticResult(Descriptors.RDY4005_FastPasswordHashing).WithLocation(1)
                    .WithArguments("'new Rfc2898DeriveBytes' without a hash algorithm uses the obsolete HMAC-SHA1 default with 1,000 iterations", "pass HashAlgorithmName.SHA256 with at least 600,000 iterations (OWASP)"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_strong_or_configured_pbkdf2()
    {
        await Test("""
            using System.Security.Cryptography;
            using Microsoft.AspNetCore.Cryptography.KeyDerivation;

            public class Pbkdf2Hasher(int configuredIterations)
            {
                public byte[] Sha256(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);

                public byte[] Sha512(string password, byte[] salt)
                    => KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA512, 210_000, 32);

                public byte[] Configured(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, configuredIterations, HashAlgorithmName.SHA256, 32);

                public byte[] DeriveEncryptionKey(byte[] masterKey, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(masterKey, salt, 1000, HashAlgorithmName.SHA256, 32);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Reports_a_low_bcrypt_work_factor_and_weak_identity_hasher_options()
    {
        await Test("""
            using Microsoft.AspNetCore.Identity;

            public static class Setup
            {
                public static string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, {|RDY4005:8|});

                public static string Salt() => BCrypt.Net.BCrypt.GenerateSalt(workFactor: {|RDY4005:4|});

                public static string Default(string password) => BCrypt.Net.BCrypt.HashPassword(password);

                public static string Strong(string password) => BCrypt.Net.BCrypt.EnhancedHashPassword(password, 12);

                public static void Add(IServiceCollection services)
                {
                    services.Configure<PasswordHasherOptions>(o => o.IterationCount = {|RDY4005:10_000|});
                    services.Configure<PasswordHasherOptions>(o => o.CompatibilityMode = {|RDY4005:PasswordHasherCompatibilityMode.IdentityV2|});
                    services.Configure<PasswordHasherOptions>(o =>
                    {
                        o.IterationCount = 310_000;
                        o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
                    });
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Follows_the_floor_options()
    {
        await Test("""
            public static class Setup
            {
                public static string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, {|RDY4005:11|});
            }
            """)
            .WithOption("readiness.passwords.bcrypt_work_factor", "12")
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_in_test_projects()
    {
        await Test("""
            using System.Security.Cryptography;
            using System.Text;

            public static class FakeHasher
            {
                public static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
                public static string Fast(string password) => BCrypt.Net.BCrypt.HashPassword(password, 4);
            }
            """)
            .As(TestProjectKind.Test)
            .RunAsync();
    }

    [Fact]
    public async Task Raises_iterations_and_work_factors()
    {
        await Fix(
            """
            using System.Security.Cryptography;

            public class Hasher
            {
                private const int Iterations = 10000;

                public byte[] Hash(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, {|RDY4005:Iterations|}, HashAlgorithmName.SHA256, 32);

                public bool Verify(string password, byte[] salt, byte[] expected)
                    => CryptographicOperations.FixedTimeEquals(
                        Rfc2898DeriveBytes.Pbkdf2(password, salt, {|RDY4005:Iterations|}, HashAlgorithmName.SHA256, 32), expected);

                public byte[] Sha512(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, {|RDY4005:1000|}, HashAlgorithmName.SHA512, 64);

                public string BCryptHash(string password) => BCrypt.Net.BCrypt.HashPassword(password, {|RDY4005:6|});
            }
            """,
            """
            using System.Security.Cryptography;

            public class Hasher
            {
                private const int Iterations = 600_000;

                public byte[] Hash(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);

                public bool Verify(string password, byte[] salt, byte[] expected)
                    => CryptographicOperations.FixedTimeEquals(
                        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32), expected);

                public byte[] Sha512(string password, byte[] salt)
                    => Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64);

                public string BCryptHash(string password) => BCrypt.Net.BCrypt.HashPassword(password, 10);
            }
            """).RunAsync();
    }
}
