using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>The public hub API over real WebSockets against a real Cabinet process.</summary>
public sealed class LiveMeetingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Delegates_follow_the_chair_through_the_agenda()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        var id = await ServerFixture.NewMeetingAsync(chair);
        foreach (var client in new[] { chair, d1, d2 })
        {
            Assert.True((await client.JoinAsync(id)).Ok);
        }

        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        foreach (var d in new[] { d1, d2 })
        {
            await d.WaitForAsync(s => s.Status == MeetingStatus.Live && s.Current?.ItemId == "i1", Patience);
        }

        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.NextItem), id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.GoToItem), id, "i3")).Ok);
        var last = await chair.InvokeAsync(nameof(MeetingHub.PreviousItem), id);

        foreach (var d in new[] { d1, d2 })
        {
            var seen = await d.WaitForAsync(s => s.Version == last.Version, Patience);
            Assert.Equal("i2", seen.Current!.ItemId);
            Assert.True(seen.IsConnected(d.UserName)); // the snapshot over the hub keeps the reader's own presence
            foreach (var name in new[] { "chutich", "daibieu1", "daibieu2" })
            {
                Assert.True(await d.SeesConnectedAsync(id, name), name);
            }
        }
    }

    [Fact]
    public async Task A_delegate_calling_a_chair_method_is_refused_and_nothing_changes()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        var id = await ServerFixture.NewMeetingAsync(chair);
        await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id);
        var before = (await d1.JoinAsync(id)).Value!;

        var next = await d1.InvokeAsync(nameof(MeetingHub.NextItem), id);
        var close = await d1.InvokeAsync(nameof(MeetingHub.CloseMeeting), id);
        var add = await d1.InvokeAsync(nameof(MeetingHub.AddAgendaItem), id, new AgendaItemInput("Chen ngang", null, 5, null));

        Assert.All([next, close, add], r => Assert.Equal(ErrorCodes.Forbidden.Code, r.Error!.Code));
        var after = await d1.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        Assert.Equal(before.Version, after.Value!.Version);
        Assert.Equal("i1", after.Value.Current!.ItemId);
    }

    [Fact]
    public async Task Unknown_and_malformed_meeting_ids_get_clear_codes()
    {
        await using var chair = await fixture.ConnectAsync("chutich");

        var unknown = await chair.JoinAsync("tinh/khong-co-cuoc-hop-nay");
        var traversal = await chair.JoinAsync("../etc/passwd");
        var empty = await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), "");
        var huge = await chair.InvokeAsync(nameof(MeetingHub.NextItem), new string('a', 5000));

        Assert.Equal(ErrorCodes.MeetingNotFound.Code, unknown.Error!.Code);
        Assert.Equal(ErrorCodes.InvalidMeetingId.Code, traversal.Error!.Code);
        Assert.Equal(ErrorCodes.InvalidMeetingId.Code, empty.Error!.Code);
        Assert.Equal(ErrorCodes.InvalidMeetingId.Code, huge.Error!.Code);
    }

    [Fact]
    public async Task One_connection_follows_a_bounded_number_of_meetings_and_a_refusal_keeps_it_open()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var ids = new List<string>();
        for (var i = 0; i <= MeetingHub.MaxJoinedMeetings; i++)
        {
            ids.Add(await ServerFixture.NewMeetingAsync(chair));
        }

        foreach (var id in ids.Take(MeetingHub.MaxJoinedMeetings))
        {
            Assert.True((await chair.JoinAsync(id)).Ok);
        }

        Assert.True((await chair.JoinAsync(ids[0])).Ok);   // joining one it follows again is no new meeting
        Assert.Equal(ErrorCodes.TooManyJoined.Code, (await chair.JoinAsync(ids[^1])).Error!.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.LeaveMeeting), ids[0])).Ok);
        Assert.True((await chair.JoinAsync(ids[^1])).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.LeaveMeeting), ids[0])).Ok);   // not joined now: answered with the version
    }

    [Fact]
    public async Task Someone_from_another_commune_cannot_see_or_join_a_provincial_meeting()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var stranger = await fixture.ConnectAsync("phumy.chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);

        Assert.Equal(ErrorCodes.Forbidden.Code, (await stranger.JoinAsync(id)).Error!.Code);
        var mine = await stranger.Connection.InvokeAsync<MeetingSummary[]>(nameof(MeetingHub.ListMyMeetings));
        Assert.DoesNotContain(mine, m => m.OrganizationId == "tinh");
        Assert.Contains(mine, m => m.MeetingId == "xa-phu-my/hop-thuong-ky-thang-11");
    }

    [Fact]
    public async Task Oversized_or_malformed_payloads_are_refused_and_change_nothing()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        var before = (await chair.JoinAsync(id)).Value!;

        var longText = await chair.InvokeAsync(nameof(MeetingHub.AddAgendaItem), id, new AgendaItemInput("Hợp lệ", null, 5, new string('x', 20_000)));
        var nullItem = await chair.InvokeAsync(nameof(MeetingHub.AddAgendaItem), id, null);
        var wrongType = await Assert.ThrowsAsync<HubException>(() => chair.Connection.InvokeAsync<CommandResult>(nameof(MeetingHub.NextItem), 42, 43));

        Assert.Equal(ErrorCodes.InvalidInput.Code, longText.Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, nullItem.Error!.Code);
        Assert.NotEmpty(wrongType.Message);

        // Past the 64 KiB message limit the server drops the connection before reading the command.
        await using var flooder = await fixture.ConnectAsync("chutich");
        await Assert.ThrowsAnyAsync<Exception>(() => flooder.InvokeAsync(nameof(MeetingHub.AddAgendaItem), id, new AgendaItemInput(new string('x', 100_000), null, 5, null)));

        var after = await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        Assert.Equal(before.Version, after.Value!.Version);
        Assert.Equal(3, after.Value.Agenda.Length);
    }

    [Fact]
    public async Task A_client_that_reconnects_catches_up_on_what_it_missed()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        await chair.JoinAsync(id);
        await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id);
        MeetingSnapshot seen;
        await using (var d1 = await fixture.ConnectAsync("daibieu1"))
        {
            seen = (await d1.JoinAsync(id)).Value!;
        }

        await chair.InvokeAsync(nameof(MeetingHub.NextItem), id);
        await chair.InvokeAsync(nameof(MeetingHub.NextItem), id);

        await using var again = await fixture.ConnectAsync("daibieu1");
        var catchUp = await again.Connection.InvokeAsync<Result<CatchUp>>(nameof(MeetingHub.GetEventsSince), id, seen.Version);
        var caughtUp = catchUp.Value!.Snapshot ?? catchUp.Value.Events.Aggregate(seen, (s, e) => s.Apply(e));

        Assert.Equal("i3", caughtUp.Current!.ItemId);
        Assert.Equal(Enumerable.Range(1, catchUp.Value.Events.Length).Select(i => seen.Version + i), catchUp.Value.Events.Select(e => e.Version));
    }

    [Fact]
    public async Task Without_signing_in_the_hub_is_closed()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.Server.BaseAddress, MeetingHub.Path)).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => MeetingHubClient.GetTokenAsync(fixture.Server.BaseAddress, "daibieu3", "sai-mat-khau"));
    }
}
