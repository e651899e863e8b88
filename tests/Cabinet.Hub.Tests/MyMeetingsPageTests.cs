using Cabinet.Errors;
using Cabinet.Meetings;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>"My meetings" a page at a time over the real hub: bounded pages, a cursor, every meeting once.</summary>
public sealed class MyMeetingsPageTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Pages_over_the_hub_list_every_meeting_once_and_the_first_page_is_ListMyMeetings()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        // The administrator follows every scheduled meeting of the organisation as an observer.
        await using var observer = await fixture.ConnectAsync("quantri");
        var created = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var id = MeetingKey.Of("tinh", $"trang-{Guid.NewGuid():N}"[..24]);
            var setup = new MeetingSetup(
                new MeetingDetails($"Phiên họp {i}", "Phòng họp 3", DateTimeOffset.UtcNow.AddDays(-3 - i)),
                [new ParticipantInvite("chutich", MeetingRole.Chair), new ParticipantInvite("thuky", MeetingRole.Secretary)],
                [new AgendaItemInput("Nội dung", "", 5, "")]);
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, setup)).Ok);
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ScheduleMeeting), id)).Ok);
            created.Add(id);
        }

        var pages = new List<MeetingPage>();
        string? cursor = null;
        do
        {
            var page = await observer.Connection.InvokeAsync<Result<MeetingPage>>(nameof(MeetingHub.ListMyMeetingsPage), cursor);
            Assert.True(page.Ok, page.Error?.Code);
            pages.Add(page.Value!);
            cursor = page.Value!.NextCursor;
        }
        while (cursor is not null && pages.Count < 20);

        Assert.True(pages.Count >= 2);
        Assert.All(pages, p => Assert.InRange(p.Items.Length, 1, MeetingPage.MaxSize));
        Assert.Equal(MeetingPage.MaxSize, pages[0].Items.Length);
        var listed = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(listed.Count, listed.Select(s => s.MeetingId).Distinct().Count());
        Assert.All(created, id => Assert.Equal(MeetingRole.Observer, listed.Single(s => s.MeetingId == id).MyRole));

        var first = await observer.Connection.InvokeAsync<MeetingSummary[]>(nameof(MeetingHub.ListMyMeetings));
        Assert.Equal(pages[0].Items.Select(s => s.MeetingId), first.Select(s => s.MeetingId));

        var refused = await observer.Connection.InvokeAsync<Result<MeetingPage>>(nameof(MeetingHub.ListMyMeetingsPage), "khong-phai-vi-tri");
        Assert.Equal(ErrorCodes.InvalidInput.Code, refused.Error!.Code);
        Assert.Null(refused.Value);
    }
}
