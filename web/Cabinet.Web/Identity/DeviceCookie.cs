using Microsoft.AspNetCore.DataProtection;

namespace Cabinet.Web.Identity;

/// <summary>
/// The device cookie (<c>cabinet.device</c>): proof, signed and encrypted by the server, that this browser once signed
/// in as a given person. It carries that person's name and the browser's id; sign-in from it is throttled on its own,
/// apart from anyone else's wrong passwords for the same account. It grants nothing by itself.
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider protection)
{
    public const string Name = "cabinet.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private readonly IDataProtector _protector = protection.CreateProtector("cabinet.device-cookie.v1");

    /// <returns>The browser id this browser holds for <paramref name="userName"/>, or null.</returns>
    public string? Read(HttpContext http, string userName)
    {
        if (http.Request.Cookies[Name] is not { Length: > 0 and < 1000 } value)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('\n');
            return parts is [var user, var browser] && user == userName ? browser : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Write(HttpContext http, string userName, string browserId) =>
        http.Response.Cookies.Append(Name, _protector.Protect($"{userName}\n{browserId}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
            IsEssential = true,
        });
}
