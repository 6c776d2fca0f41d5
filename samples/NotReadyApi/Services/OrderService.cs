using System.Diagnostics;

namespace NotReadyApi.Services;

public sealed record Order(int Id, string Customer, decimal Total);

public interface IOrderService
{
    Task<Order?> FindAsync(int id);
}

public sealed class OrderService : IOrderService
{
    private readonly string _paymentApiKey;

    public OrderService(IConfiguration configuration)
    {
        _paymentApiKey = configuration["Payments:ApiKey"] ?? string.Empty;
    }

    public Task<Order?> FindAsync(int id)
    {
        // RDY2002: gone in Release builds.
        Debug.WriteLine($"Looking up order {id}");
        // RDY2003: an API key written to standard output.
        Console.WriteLine("Calling payments with " + _paymentApiKey);
        return Task.FromResult<Order?>(id > 0 ? new Order(id, "ACME", 42m) : null);
    }
}
