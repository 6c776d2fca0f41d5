using Microsoft.AspNetCore.Mvc;
using ReadyApi.Services;

namespace ReadyApi.Controllers;

[ApiController]
[Route("api/orders")]
public class OrdersController(IOrderService orders, ILogger<OrdersController> logger) : ControllerBase
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Get(int id)
    {
        logger.LogInformation("Fetching order {OrderId}", id);
        var order = await orders.FindAsync(id);
        if (order is null)
        {
            logger.LogWarning("Order {OrderId} not found", id);
            return NotFound();
        }

        return Ok(order);
    }
}
