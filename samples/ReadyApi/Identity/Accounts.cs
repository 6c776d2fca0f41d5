using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ReadyApi.Identity;

public sealed record LoginRequest(string Email, string Password);

public sealed class RegisterRequest
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required, StringLength(128, MinimumLength = 12)]
    public string Password { get; set; } = "";
}

public static class PasswordHashing
{
    private static readonly PasswordHasher<IdentityUser> Hasher = new();

    /// <summary>ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, salted, 100,000 iterations, versioned format.</summary>
    public static string Hash(IdentityUser user, string password) => Hasher.HashPassword(user, password);

    public static string HashWithBCrypt(string password) => BCrypt.Net.BCrypt.HashPassword(password, 12);
}
