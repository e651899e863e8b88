using System.Security.Claims;
using Cabinet.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Cabinet.Web.Identity;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInChecker checker, HttpContext http) =>
        {
            var result = await checker.CheckAsync(userName, password);
            if (!result.Ok)
            {
                return Results.Redirect($"/login?error={Uri.EscapeDataString(result.Error!.Code)}&userName={Uri.EscapeDataString(userName ?? "")}");
            }

            var identity = CabinetClaims.ToIdentity(result.Value!, CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });

        app.MapPost("/api/auth/token", async ([FromBody] TokenRequest request, SignInChecker checker) =>
        {
            var result = await checker.CheckAsync(request.UserName, request.Password);
            if (!result.Ok)
            {
                return Results.Json(result.Error, statusCode: StatusCodes.Status401Unauthorized);
            }

            var identity = CabinetClaims.ToIdentity(result.Value!, BearerTokenDefaults.AuthenticationScheme);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).DisableAntiforgery().RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
