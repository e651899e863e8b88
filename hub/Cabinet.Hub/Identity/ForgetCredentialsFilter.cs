using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Identity;

/// <summary>
/// A WebSocket connection keeps the request that opened it for its whole life, and with it the bearer token in its
/// <c>Authorization</c> header (about 1 KiB each), which nothing reads again once the connection is established: the
/// user is known and the session check works from the claims. Dropping it keeps the token out of the server's memory
/// for hours and a connection smaller (docs/perf, "Memory per delegate"). For the same reason the authentication
/// result goes (the ticket with its properties): setting the request's user to itself keeps the principal and lets
/// the rest be collected.
/// </summary>
public sealed class ForgetCredentialsFilter : IHubFilter
{
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.GetHttpContext() is { } http)
        {
            http.Request.Headers.Authorization = default;
            http.User = http.User;
        }

        return next(context);
    }
}
