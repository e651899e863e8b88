using System.Text.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Over real WebSockets: the join answers the reader's own entries and the quorum, the quorum follows the room through
/// events alone, and the room list is read in pages (docs/protocol.md, "The room list").
/// </summary>
public sealed class RosterHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_join_answers_only_the_readers_entries_and_the_quorum_follows_the_room_through_events()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.JoinAsync(id)).Ok);

        var raw = await d1.Connection.InvokeAsync<JsonElement>(nameof(MeetingHub.JoinMeeting), id);
        var joined = raw.GetProperty("value");
        Assert.True(joined.GetProperty("rosterPaged").GetBoolean());
        Assert.Equal(["daibieu1"], joined.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("userName").GetString()));
        Assert.Equal(["daibieu1"], joined.GetProperty("attendance").EnumerateArray().Select(p => p.GetProperty("userName").GetString()));
        Assert.Equal((3, 2), (joined.GetProperty("quorum").GetProperty("membersTotal").GetInt32(), joined.GetProperty("quorum").GetProperty("membersPresent").GetInt32()));

        Assert.True((await d2.JoinAsync(id)).Ok);
        var seen = await chair.WaitForAsync(s => s.Quorum.MembersPresent == 3, Patience);
        Assert.True(seen.Quorum.Met);
        Assert.Equal(MeetingRole.Chair, seen.RoleOf("chutich"));

        await d2.Connection.InvokeAsync<CommandResult>(nameof(MeetingHub.LeaveMeeting), id);
        Assert.Equal(2, (await chair.WaitForAsync(s => s.Quorum.MembersPresent == 2, Patience)).Quorum.MembersPresent);
        var fresh = (await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!;
        Assert.Equal(fresh.Quorum, chair.Snapshot!.Quorum);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        Assert.True((await chair.WaitForAsync(s => s.Status == MeetingStatus.Live, Patience)).MayLead("chutich")); // own entry suffices
    }

    [Fact]
    public async Task The_room_list_comes_in_pages_by_name_with_presence_and_refuses_outsiders_with_an_answer()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var outsider = await fixture.ConnectAsync("phumy.chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.JoinAsync(id)).Ok);

        var pages = new List<RosterPage>();
        var room = (await d1.ListParticipantsAsync(id, count: 3, pages)).Value!;

        Assert.Equal(["chutich", "daibieu1", "daibieu2", "thuky"], room.Select(e => e.Participant.UserName));
        Assert.Equal([3, 1], pages.Select(p => p.Items.Length));
        Assert.All(pages, p => Assert.Equal(4, p.Total));
        Assert.True(room[0].Presence!.Connected);
        Assert.False(room[1].Presence?.Connected ?? false);
        Assert.Equal(MeetingRole.Secretary, room[3].Participant.Role);

        var refused = await outsider.Connection.InvokeAsync<Result<RosterPage>>(nameof(MeetingHub.ListParticipants), id, null, 10);
        Assert.Equal(ErrorCodes.Forbidden.Code, refused.Error!.Code);
        Assert.Equal(HubConnectionState.Connected, outsider.Connection.State);
    }
}
