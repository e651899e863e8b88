using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>The floor over the public hub API, against a real Cabinet process.</summary>
public sealed class FloorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly FloorRequestInput Ask = new("Ý kiến về dự toán");

    [Fact]
    public async Task Delegates_see_a_point_of_order_first_then_the_speaker_and_acknowledgements_reach_the_chair()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        var id = await LiveMeetingAsync(chair, d1, d2);

        Assert.True((await d1.InvokeAsync(nameof(MeetingHub.RequestFloor), id, Ask)).Ok);
        Assert.True((await d2.InvokeAsync(nameof(MeetingHub.RequestFloor), id, new FloorRequestInput("Thủ tục", PointOfOrder: true))).Ok);
        foreach (var client in new[] { chair, d1, d2 })
        {
            await client.WaitForAsync(s => Queue(s) == "daibieu2,daibieu1", Patience);
        }

        var granted = await chair.InvokeAsync(nameof(MeetingHub.GrantFloor), id, FloorGrant.Next);
        var seen = await d1.WaitForAsync(s => s.Version == granted.Version, Patience);
        Assert.Equal("daibieu2", seen.Floor.Speaking!.UserName);
        Assert.True(seen.Floor.Speaking.PointOfOrder);

        await d1.Connection.SendAsync(nameof(MeetingHub.AcknowledgeVersion), id, granted.Version);
        var room = await RoomAsync(chair, id, r => r.Seats.Single(s => s.UserName == "daibieu1").UpToDate);
        Assert.True(room.Seats.Single(s => s.UserName == "daibieu1") is { Connected: true, HandRaised: true, Voted: null });
        Assert.Equal(granted.Version, room.Version);
    }

    [Fact]
    public async Task Granting_someone_outside_the_meeting_is_refused_and_nothing_changes()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await LiveMeetingAsync(chair);
        var before = await VersionAsync(chair, id);

        var stranger = await chair.InvokeAsync(nameof(MeetingHub.GrantFloor), id, new FloorGrant("phumy.chutich"));
        var unknown = await chair.InvokeAsync(nameof(MeetingHub.AddToFloorQueue), id, "khong-ai-ca", Ask);
        var notQueued = await chair.InvokeAsync(nameof(MeetingHub.GrantFloor), id, new FloorGrant("daibieu1"));

        Assert.Equal(ErrorCodes.FloorNotParticipant.Code, stranger.Error!.Code);
        Assert.Equal(ErrorCodes.FloorNotParticipant.Code, unknown.Error!.Code);
        Assert.Equal(ErrorCodes.FloorNotInQueue.Code, notQueued.Error!.Code);
        Assert.Equal(before, await VersionAsync(chair, id));
    }

    [Fact]
    public async Task A_delegate_calling_the_chairs_floor_methods_is_refused_and_nothing_changes()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        var id = await LiveMeetingAsync(chair);
        Assert.True((await d1.InvokeAsync(nameof(MeetingHub.RequestFloor), id, Ask)).Ok);
        var before = await VersionAsync(chair, id);

        CommandResult[] refused =
        [
            await d1.InvokeAsync(nameof(MeetingHub.GrantFloor), id, new FloorGrant("daibieu1")),
            await d1.InvokeAsync(nameof(MeetingHub.AddToFloorQueue), id, "daibieu2", Ask),
            await d1.InvokeAsync(nameof(MeetingHub.RemoveFromFloorQueue), id, "daibieu1"),
            await d1.InvokeAsync(nameof(MeetingHub.ReorderFloorQueue), id, new[] { "daibieu1" }),
            await d1.InvokeAsync(nameof(MeetingHub.EndSpeech), id),
            await d1.InvokeAsync(nameof(MeetingHub.SetSpeakingTime), id, 600),
            await d1.InvokeAsync(nameof(MeetingHub.SetDefaultSpeakingTime), id, 600),
        ];
        var room = await d1.Connection.InvokeAsync<Result<RoomView>>(nameof(MeetingHub.GetRoom), id);

        Assert.All(refused, r => Assert.Equal(ErrorCodes.Forbidden.Code, r.Error!.Code));
        Assert.Equal(ErrorCodes.Forbidden.Code, room.Error!.Code);
        Assert.Equal(before, await VersionAsync(chair, id));
    }

    [Fact]
    public async Task Requests_on_a_closed_meeting_are_refused_and_nothing_changes()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        var id = await LiveMeetingAsync(chair);
        await d1.InvokeAsync(nameof(MeetingHub.RequestFloor), id, Ask);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Ok);
        var before = await VersionAsync(chair, id);

        CommandResult[] refused =
        [
            await d1.InvokeAsync(nameof(MeetingHub.RequestFloor), id, new FloorRequestInput(PointOfOrder: true)),
            await d1.InvokeAsync(nameof(MeetingHub.WithdrawFloorRequest), id),
            await chair.InvokeAsync(nameof(MeetingHub.GrantFloor), id, FloorGrant.Next),
            await chair.InvokeAsync(nameof(MeetingHub.RemoveFromFloorQueue), id, "daibieu1"),
        ];

        Assert.All(refused, r => Assert.Equal(ErrorCodes.MeetingClosed.Code, r.Error!.Code));
        Assert.Equal(before, await VersionAsync(chair, id));
    }

    private static async Task<string> LiveMeetingAsync(MeetingHubClient chair, params MeetingHubClient[] others)
    {
        var id = await ServerFixture.NewMeetingAsync(chair);
        foreach (var client in others.Prepend(chair))
        {
            Assert.True((await client.JoinAsync(id)).Ok);
        }

        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        return id;
    }

    private static string Queue(MeetingSnapshot s) => string.Join(',', s.Floor.For(s.Current?.ItemId).Queue.Select(r => r.UserName));

    private static async Task<long> VersionAsync(MeetingHubClient client, string id) =>
        (await client.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.Version;

    private static async Task<RoomView> RoomAsync(MeetingHubClient chair, string id, Func<RoomView, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var room = (await chair.Connection.InvokeAsync<Result<RoomView>>(nameof(MeetingHub.GetRoom), id)).Value!;
            if (condition(room) || DateTime.UtcNow > deadline)
            {
                return room;
            }

            await Task.Delay(50);
        }
    }
}
