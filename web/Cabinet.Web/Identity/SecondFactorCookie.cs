namespace Cabinet.Web.Identity;

/// <summary>
/// Between the password and the code of a browser's sign-in, the challenge waits in this HttpOnly cookie (never in
/// the URL: with the challenge and an enrolment's secret anyone could finish the sign-in).
/// </summary>
public static class SecondFactorCookie
{
    public const string Name = "cabinet.mfa";

    public static string? Read(HttpContext http) => http.Request.Cookies[Name] is { Length: > 0 and < 200 } value ? value : null;

    public static void Write(HttpContext http, string challenge) =>
        http.Response.Cookies.Append(Name, challenge, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = People.SecondFactorRules.ChallengeLifetime,
            IsEssential = true,
        });

    public static void Delete(HttpContext http) => http.Response.Cookies.Delete(Name);
}
