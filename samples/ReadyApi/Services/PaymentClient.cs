namespace ReadyApi.Services;

public sealed class PaymentClient(IConfiguration configuration)
{
    private readonly string _apiKey = configuration["Payments:ApiKey"]
        ?? throw new InvalidOperationException("'Payments:ApiKey' is not configured.");

    private readonly string _reportingDb = configuration.GetConnectionString("Reporting")
        ?? throw new InvalidOperationException("'ConnectionStrings:Reporting' is not configured.");

    public int ConfiguredSecretCount => new[] { _apiKey, _reportingDb }.Count(s => s.Length > 0);
}
