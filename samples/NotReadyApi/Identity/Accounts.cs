using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace NotReadyApi.Identity;

public sealed record LoginRequest(string Email, string Password);

public sealed class RegisterRequest
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    // RDY4004: the validator accepts six-character passwords.
    [Required, StringLength(100, MinimumLength = 6)]
    public string Password { get; set; } = "";
}

public static class LegacyPasswordHasher
{
    // RDY4005: one SHA-256 round is billions of guesses per second on a GPU.
    public static string Hash(string password, string salt)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password + salt)));

    // RDY4005: a BCrypt work factor of 8 is 4 times faster to attack than the floor of 10.
    public static string HashWithBCrypt(string password) => BCrypt.Net.BCrypt.HashPassword(password, 8);
}
