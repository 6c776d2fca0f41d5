namespace ReadyApi.Services;

public sealed record Order(int Id, string Customer, decimal Total);

public interface IOrderService
{
    Task<Order?> FindAsync(int id);
}

public sealed class OrderService(IConfiguration configuration, ILogger<OrderService> logger) : IOrderService
{
    private readonly string _paymentApiKey = configuration["Payments:ApiKey"] ?? string.Empty;

    public Task<Order?> FindAsync(int id)
    {
        logger.LogDebug("Looking up order {OrderId}", id);
        logger.LogDebug("Calling payments with a key of {KeyLength} characters", _paymentApiKey.Length);
        return Task.FromResult<Order?>(id > 0 ? new Order(id, "ACME", 42m) : null);
    }
}
