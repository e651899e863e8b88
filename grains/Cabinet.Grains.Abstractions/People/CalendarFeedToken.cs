using System.Security.Cryptography;
using System.Text;

namespace Cabinet.People;

/// <summary>A secret calendar feed token (256 random bits, base64url) and the hash it is stored and found under.</summary>
public static class CalendarFeedToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The feed grain's key; null for anything that cannot be a token (so nothing is activated for it).</summary>
    public static string? Hash(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))
            : null;
}
