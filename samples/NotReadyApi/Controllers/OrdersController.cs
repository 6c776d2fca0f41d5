using Microsoft.AspNetCore.Mvc;
using NotReadyApi.Services;

namespace NotReadyApi.Controllers;

[ApiController]
[Route("api/orders")]
public class OrdersController : ControllerBase
{
    private readonly IOrderService _orders;

    public OrdersController(IOrderService orders)
    {
        _orders = orders;
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id)
    {
        // RDY2001: console output instead of ILogger.
        Console.WriteLine($"Fetching order {id}");
        var order = await _orders.FindAsync(id);
        if (order is null)
        {
            Console.Error.WriteLine($"Order {id} not found");
            return NotFound();
        }

        return Ok(order);
    }
}
