using System.Security.Cryptography;

namespace ReadyApi.Security;

public sealed class TokenSettings(IConfiguration configuration)
{
    public string SigningKey { get; } = configuration["Jwt:Key"]
        ?? throw new InvalidOperationException("'Jwt:Key' is not configured.");

    public HMACSHA256 WebhookHmac { get; } = new(Convert.FromBase64String(configuration["Webhooks:SigningKey"]
        ?? throw new InvalidOperationException("'Webhooks:SigningKey' is not configured.")));
}
