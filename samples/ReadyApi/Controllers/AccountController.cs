using Microsoft.AspNetCore.Mvc;

namespace ReadyApi.Controllers;

public sealed record LoginRequest(string UserName, string Password);

[ApiController]
[Route("api/account")]
public class AccountController(ILogger<AccountController> logger) : ControllerBase
{
    [HttpPost("login")]
    public IActionResult Login(LoginRequest request)
    {
        logger.LogInformation("Login attempt for {User} ({PasswordLength} characters)", request.UserName, request.Password.Length);
        return Ok();
    }
}
