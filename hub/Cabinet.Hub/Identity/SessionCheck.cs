using System.Collections.Concurrent;
using System.Security.Claims;
using Cabinet.People;

namespace Cabinet.Identity;

/// <summary>
/// Whether the session behind a cookie or token is still open, asked of its <see cref="IUserSessionsGrain"/> and
/// remembered on this host for <see cref="AliveFor"/> (ended sessions for longer: they never reopen). A session ended
/// through this host is forgotten here at once; another host notices within <see cref="AliveFor"/>.
/// </summary>
public sealed class SessionCheck(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan AliveFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EndedFor = TimeSpan.FromMinutes(10);
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<string, (bool Alive, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsAliveAsync(ClaimsPrincipal? user)
    {
        if (CabinetClaims.SessionOf(user) is not var (userName, sessionId))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (_known.TryGetValue(sessionId, out var known) && known.Until > now)
        {
            return known.Alive;
        }

        var alive = await grains.GetGrain<IUserSessionsGrain>(userName).IsAliveAsync(sessionId);
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known[sessionId] = (alive, now + (alive ? AliveFor : EndedFor));
        return alive;
    }

    /// <summary>Records on this host that sessions were ended, so the next request with them is refused without waiting.</summary>
    public void Ended(IEnumerable<string> sessionIds)
    {
        var until = clock.GetUtcNow() + EndedFor;
        foreach (var id in sessionIds)
        {
            _known[id] = (false, until);
        }
    }
}
