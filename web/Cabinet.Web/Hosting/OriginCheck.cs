using Cabinet.Errors;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Hosting;

/// <summary>
/// A browser sends the sign-in cookie with any request to Cabinet, even one a page on another site starts (a
/// WebSocket to the hub, a form post). Such a request carries that page's Origin: unless it is Cabinet's own origin or
/// configured in <see cref="CabinetOptions.AllowedOrigins"/>, a request with the cookie is refused. Clients with a
/// bearer token send no cookie and are not browsers' ambient credentials, so they are not affected.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptions<CabinetOptions> options)
{
    public static readonly CabinetError ForeignOrigin = new("auth.origin_forbidden", "Yêu cầu đến từ một trang khác với Cabinet nên bị từ chối.");

    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !CarriesCookie(context.Request) || IsAllowed(context.Request, origin))
        {
            return next(context);
        }

        return Api.ApiProblem.WriteAsync(context, ForeignOrigin);
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin);

    private static bool CarriesCookie(HttpRequest request) => request.Cookies.Count > 0;
}
