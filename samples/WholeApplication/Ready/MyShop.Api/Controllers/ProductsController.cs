using Microsoft.AspNetCore.Mvc;

namespace MyShop.Api.Controllers;

[ApiController]
[Route("api/products")]
public sealed class ProductsController : ControllerBase
{
    private static readonly string[] Products = ["Coffee", "Tea"];

    [HttpGet]
    public IEnumerable<string> Get() => Products;
}
