using System.Security.Cryptography;
using System.Text;

namespace NotReadyApi.Security;

public sealed class TokenSettings(IConfiguration configuration)
{
    // RDY1004: when the key is missing in production, every token is signed with a string from the repository.
    public string SigningKey { get; } = configuration["Jwt:Key"] ?? "your-secret-key-change-in-production";

    // RDY1005: a 14-byte HMAC key written in the code.
    public HMACSHA256 WebhookHmac { get; } = new(Encoding.UTF8.GetBytes("webhook-secret"));
}
