using Microsoft.AspNetCore.Mvc;

namespace NotReadyApi.Controllers;

public sealed record LoginRequest(string UserName, string Password);

[ApiController]
[Route("api/account")]
public class AccountController : ControllerBase
{
    private readonly ILogger<AccountController> _logger;

    public AccountController(ILogger<AccountController> logger)
    {
        _logger = logger;
    }

    [HttpPost("login")]
    public IActionResult Login(LoginRequest request)
    {
        // RDY2003: the password ends up in every log sink.
        _logger.LogInformation("Login attempt for {User} with {Password}", request.UserName, request.Password);
        return Ok();
    }
}
