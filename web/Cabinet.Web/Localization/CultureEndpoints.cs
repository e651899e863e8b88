using Microsoft.AspNetCore.Localization;

namespace Cabinet.Web.Localization;

/// <summary><c>GET /culture/{name}?redirect=/path</c>: remembers the chosen language for a year and goes back (local paths only).</summary>
public static class CultureEndpoints
{
    public static void MapCultureEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? redirect, HttpContext http) =>
        {
            if (!UiCultures.Supported.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "culture.unsupported",
                    detail: "Ngôn ngữ không được hỗ trợ. / This language is not supported.");
            }

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true });
            return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        }).AllowAnonymous();

    private static bool IsLocal(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
