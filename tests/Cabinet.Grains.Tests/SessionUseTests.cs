using Cabinet.People;
using Orleans.Runtime;

namespace Cabinet.Grains.Tests;

/// <summary>A session's last use is noted in memory and written later: it must not be lost when the grain leaves memory.</summary>
public sealed class SessionUseTests(ShiftedClockCluster cluster) : IClassFixture<ShiftedClockCluster>
{
    [Fact]
    public async Task A_use_noted_in_memory_is_stored_when_the_sessions_grain_deactivates()
    {
        var sessions = cluster.Client.GetGrain<IUserSessionsGrain>(ClusterFixture.Delegate1.UserName);
        var opened = await sessions.StartAsync(new SessionStart(SessionKind.Browser, "127.0.0.1", "xunit", null));
        var started = await LastSeenAsync(sessions, opened.SessionId);

        cluster.Shifted.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await sessions.IsAliveAsync(opened.SessionId));
        var used = await LastSeenAsync(sessions, opened.SessionId);
        Assert.True(used >= started + TimeSpan.FromMinutes(5), $"the use at {used:O} was not noted (started {started:O})");

        // Out of memory before its one-minute write: what the next activation reads is what was stored.
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 50 && await IsActiveAsync(management, sessions); attempt++)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
        }

        Assert.False(await IsActiveAsync(management, sessions), "the sessions grain never left memory");
        Assert.Equal(used, await LastSeenAsync(sessions, opened.SessionId));

        // 31 minutes after the sign-in, 26 after that use: alive only because the use was kept (30 minutes idle end it).
        cluster.Shifted.Advance(TimeSpan.FromMinutes(26));
        Assert.True(await sessions.IsAliveAsync(opened.SessionId));
    }

    private static async Task<DateTimeOffset> LastSeenAsync(IUserSessionsGrain sessions, string sessionId) =>
        (await sessions.ListAsync()).Single(s => s.SessionId == sessionId).LastSeenAt;

    private static async Task<bool> IsActiveAsync(IManagementGrain management, IUserSessionsGrain sessions) =>
        (await management.GetActiveGrains(GrainType.Create("usersessions"))).Contains(sessions.GetGrainId());
}
