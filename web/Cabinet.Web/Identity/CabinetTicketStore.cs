using Cabinet.Identity;
using Cabinet.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Identity;

/// <summary>
/// The cookie carries only a session key (<c>user/session</c>); the ticket lives in the person's
/// <see cref="IUserSessionsGrain"/>, so ending the session there ends the cookie, on every host, saved copies included.
/// The session is opened before the cookie is written (<see cref="SignInSessions"/>), and its id is in the ticket.
/// </summary>
public sealed class CabinetTicketStore(IGrainFactory grains) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var (userName, sessionId) = CabinetClaims.SessionOf(ticket.Principal) ?? throw new InvalidOperationException("A sign-in cookie needs a session.");
        await grains.GetGrain<IUserSessionsGrain>(userName).RenewTicketAsync(sessionId, TicketSerializer.Default.Serialize(ticket));
        return $"{userName}/{sessionId}";
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        Parse(key) is var (userName, sessionId)
            ? grains.GetGrain<IUserSessionsGrain>(userName).RenewTicketAsync(sessionId, TicketSerializer.Default.Serialize(ticket))
            : Task.CompletedTask;

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Parse(key) is var (userName, sessionId) && await grains.GetGrain<IUserSessionsGrain>(userName).GetTicketAsync(sessionId) is { } stored
            ? TicketSerializer.Default.Deserialize(stored)
            : null;

    public async Task RemoveAsync(string key)
    {
        if (Parse(key) is var (userName, sessionId))
        {
            await grains.GetGrain<IUserSessionsGrain>(userName).EndAsync(sessionId);
        }
    }

    private static (string UserName, string SessionId)? Parse(string key) =>
        key.LastIndexOf('/') is > 0 and var slash && slash < key.Length - 1 ? (key[..slash], key[(slash + 1)..]) : null;
}
