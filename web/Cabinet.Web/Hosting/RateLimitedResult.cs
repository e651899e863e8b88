using System.Globalization;
using Cabinet.Errors;

namespace Cabinet.Web.Hosting;

/// <summary>HTTP 429 with <c>Retry-After</c> and the usual error body: what every HTTP path answers over a limit.</summary>
public sealed class RateLimitedResult(CabinetError error, TimeSpan retryAfter) : IResult
{
    public static IResult Of(CabinetError error, TimeSpan retryAfter) => new RateLimitedResult(error, retryAfter);

    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter) => new RateLimitedResult(ErrorCodes.RateLimited, retryAfter).ExecuteAsync(context);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return httpContext.Response.WriteAsJsonAsync(error);
    }
}
