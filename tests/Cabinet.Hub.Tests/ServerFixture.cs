using Cabinet.Meetings;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>One real Cabinet process (embedded mode, demo data) shared by a test class; each test makes its own meeting.</summary>
public class ServerFixture : IAsyncLifetime
{
    public CabinetServer Server { get; private set; } = default!;

    /// <summary>How the shared process is started (a test server's defaults unless a class needs otherwise).</summary>
    protected virtual CabinetServerOptions Options => new();

    public async ValueTask InitializeAsync() => Server = await CabinetServer.StartAsync(Options);

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    public Task<MeetingHubClient> ConnectAsync(string userName) => MeetingHubClient.ConnectAsync(Server.BaseAddress, userName);

    /// <summary>Creates and schedules a provincial meeting with chutich as chair, thuky as secretary and two delegates.</summary>
    public static async Task<string> NewMeetingAsync(MeetingHubClient chair, string organization = "tinh")
    {
        var id = MeetingKey.Of(organization, $"hub-{Guid.NewGuid():N}"[..24]);
        var setup = new MeetingSetup(
            new MeetingDetails("Phiên họp kiểm thử", "Phòng họp 2", DateTimeOffset.UtcNow),
            [
                new ParticipantInvite("chutich", MeetingRole.Chair), new ParticipantInvite("thuky", MeetingRole.Secretary),
                new ParticipantInvite("daibieu1", MeetingRole.Delegate), new ParticipantInvite("daibieu2", MeetingRole.Delegate),
            ],
            [new AgendaItemInput("Nội dung 1", "Sở Tài chính", 10, ""), new AgendaItemInput("Nội dung 2", "Sở Nội vụ", 10, ""), new AgendaItemInput("Nội dung 3", "", 5, "")]);
        var created = await chair.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, setup);
        Assert.True(created.Ok, created.Error?.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ScheduleMeeting), id)).Ok);
        return id;
    }
}
