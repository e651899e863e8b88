using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>
/// One person's server-side sessions, keyed by user name: browser sessions behind the cookie and app token families.
/// A session is alive until it is ended, idle too long or past its absolute lifetime; every check of it counts as use.
/// </summary>
[Alias("cabinet.IUserSessionsGrain")]
public interface IUserSessionsGrain : IGrainWithStringKey
{
    Task<SessionOpened> StartAsync(SessionStart start);

    /// <summary>The browser session's stored ticket; null when the session is over.</summary>
    Task<byte[]?> GetTicketAsync(string sessionId);

    Task RenewTicketAsync(string sessionId, byte[] ticket);

    Task<bool> IsAliveAsync(string sessionId);

    /// <summary>Rotates an app's refresh token (format <c>user.session.generation.proof</c>).</summary>
    Task<RefreshOutcome> RefreshAsync(string refreshToken);

    /// <summary>Ends the app session a refresh token (of any generation) belongs to.</summary>
    Task<Result<string>> RevokeAsync(string refreshToken);

    Task<CommandResult> EndAsync(string sessionId);

    /// <returns>The ids of the sessions ended.</returns>
    Task<ImmutableArray<string>> EndAllAsync();

    Task<ImmutableArray<SessionView>> ListAsync();
}
