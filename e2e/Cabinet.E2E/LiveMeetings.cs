using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;

namespace Cabinet.E2E;

/// <summary>A meeting of the test's own, so no other browser test moves it, created and opened through the public hub.</summary>
internal static class LiveMeetings
{
    /// <summary>chutich chairs, thuky is secretary, <paramref name="delegates"/> take part; live on its first item.</summary>
    public static Task<string> StartAsync(
        BrowserFixture fixture, string prefix, MeetingDetails details, IEnumerable<string> delegates, params AgendaItemInput[] agenda) =>
        StartWithAsync(fixture, prefix, details, delegates.Select(d => new ParticipantInvite(d, MeetingRole.Delegate)), agenda);

    /// <summary>chutich chairs, thuky is secretary, <paramref name="others"/> take part in their roles; live on its first item.</summary>
    public static async Task<string> StartWithAsync(
        BrowserFixture fixture, string prefix, MeetingDetails details, IEnumerable<ParticipantInvite> others, params AgendaItemInput[] agenda)
    {
        await using var chair = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        var id = MeetingKey.Of("tinh", $"{prefix}-{Guid.NewGuid():N}"[..24]);
        var setup = new MeetingSetup(
            details, [new("chutich", MeetingRole.Chair), new("thuky", MeetingRole.Secretary), .. others], [.. agenda]);
        foreach (var (method, args) in new (string, object[])[]
        {
            (nameof(MeetingHub.CreateMeeting), [id, setup]), (nameof(MeetingHub.ScheduleMeeting), [id]), (nameof(MeetingHub.OpenMeeting), [id]),
        })
        {
            var result = await chair.InvokeAsync(method, args);
            Assert.True(result.Ok, $"{method}: {result.Error?.Code}");
        }

        return id;
    }
}
