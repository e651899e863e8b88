using System.Threading.RateLimiting;
using Cabinet.Hub;
using Cabinet.Hub.Limits;
using Cabinet.Identity;
using Cabinet.Web.Api;
using Cabinet.Web.Documents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Hosting;

/// <summary>
/// The limits of <see cref="RateLimitOptions"/> and where each is applied: sign-in per client address (ASP.NET Core's
/// rate limiter), hub commands and connections per person (the hub filter), uploads per person (the document intake).
/// </summary>
public static class CabinetRateLimiting
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddCabinetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<CommandLimiter>();
        services.AddSingleton<ConnectionQuota>();
        services.AddSingleton<UploadQuota>();
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInPolicy, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignInPerMinutePerAddress),
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                }));
            o.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
                if (rejected.HttpContext.Request.HasFormContentType)
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    rejected.HttpContext.Response.Redirect($"/login?error={Cabinet.Errors.ErrorCodes.RateLimited.Code}");
                    return ValueTask.CompletedTask;
                }

                return new ValueTask(ApiProblem.WriteAsync(rejected.HttpContext, Cabinet.Errors.ErrorCodes.RateLimited, retryAfter));
            };
        });
    }

    /// <summary>
    /// Refuses a new hub connection (negotiate or a direct WebSocket) with 429 while the person already holds the
    /// maximum here; the hub filter enforces the same count when the connection starts, for races.
    /// </summary>
    public static IApplicationBuilder UseHubConnectionQuota(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(MeetingHub.Path) && IsNewConnection(context.Request))
        {
            var user = context.User.Identity?.IsAuthenticated == true
                ? context.User
                : (await context.AuthenticateAsync(BearerTokenDefaults.AuthenticationScheme)).Principal;
            var quota = context.RequestServices.GetRequiredService<ConnectionQuota>();
            if (CabinetClaims.ToActor(user) is { } actor && quota.IsFull(actor.UserName))
            {
                await ApiProblem.WriteAsync(context, Cabinet.Errors.ErrorCodes.RateLimited, TimeSpan.FromSeconds(30));
                return;
            }
        }

        await next(context);
    });

    private static bool IsNewConnection(HttpRequest request) =>
        request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal)
        || (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("id") && request.Headers.Upgrade.Count > 0);
}
