using Cabinet.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Cabinet.Web.Identity;

/// <summary>
/// A Blazor circuit keeps the user it started with; this asks every <see cref="Interval"/> whether the session is still
/// open, and when it is not the circuit's user becomes nobody: the page's next render lands on the sign-in page.
/// </summary>
public sealed class SessionRevalidation(SessionCheck sessions, ILoggerFactory loggers) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await sessions.IsAliveAsync(authenticationState.User);
}
