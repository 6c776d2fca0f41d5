using Microsoft.CodeAnalysis.Testing;
using Readiness.Analyzers.Secrets;
using Readiness.Analyzers.Tests.Verifiers;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

[Trait("Rule", "RDY1005")]
public class HardcodedKeyMaterialAnalyzerTests
{
    [Fact]
    public async Task Reports_keys_built_from_literals()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            public class Crypto
            {
                private const string K = "0123456789abcdef0123456789abcdef-more";

                public void Build(byte[] data)
                {
                    var jwt = new SymmetricSecurityKey({|RDY1005:Encoding.UTF8.GetBytes("this-is-my-very-long-signing-key-for-prod")|});
                    using var hmac = new HMACSHA256({|RDY1005:Convert.FromBase64String("c2VjcmV0LWtleS1mb3ItaG1hYy1zaWduaW5nLTEyMzQ1Ng==")|});
                    var mac = HMACSHA256.HashData({|RDY1005:"webhook-signing-key-32-bytes-long!"u8.ToArray()|}, data);
                    using var aes = Aes.Create();
                    aes.Key = {|RDY1005:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|};
                    var fromConstant = new SymmetricSecurityKey({|RDY1005:Encoding.ASCII.GetBytes(K)|});
                }
            }
            """;
        await new ReadinessTest<HardcodedKeyMaterialAnalyzer>().WithSource(source).RunAsync();
    }

    [Fact]
    public async Task Says_when_the_key_is_too_short()
    {
        const string source = """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            public class Jwt
            {
                private const string JwtKey = "short-key";
                public SymmetricSecurityKey Key() => new({|#0:Encoding.UTF8.GetBytes(JwtKey)|});
            }
            """;
        await new ReadinessTest<HardcodedKeyMaterialAnalyzer>()
            .WithSource(source)
            .Expect(new DiagnosticResult(Descriptors.RDY1005_HardcodedKeyMaterial).WithLocation(0)
                .WithArguments("JWT signing", "9 bytes, shorter than the 32 bytes JWT signing needs"))
            .RunAsync();
    }

    [Fact]
    public async Task Does_not_report_keys_from_configuration_or_generated_at_run_time()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.Extensions.Configuration;
            using Microsoft.IdentityModel.Tokens;

            public class Crypto(IConfiguration configuration)
            {
                private const string JwtSigningKey = "a-very-long-secret-named-constant-key-0123";

                public void Build(byte[] data, string userKey)
                {
                    var jwt = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!));
                    using var hmac = new HMACSHA256(RandomNumberGenerator.GetBytes(32));
                    var mac = HMACSHA256.HashData(Convert.FromBase64String(userKey), data);
                    using var aes = Aes.Create();
                    aes.GenerateKey();
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes("not a key"));
                    var named = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtSigningKey));
                    Uri endpoint = new("https://keys.example.com/a-very-long-secret-looking-path-0123");
                    byte[] salt = new byte[16];
                    {|CS0246:Nothing|} nothing = new(Encoding.UTF8.GetBytes("a-very-long-secret-named-constant-key-0123"));
                }
            }
            """;
        await new ReadinessTest<HardcodedKeyMaterialAnalyzer>().WithSource(source).RunAsync();
    }
}
