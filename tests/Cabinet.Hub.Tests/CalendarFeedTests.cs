using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cabinet.Meetings;
using Cabinet.Testing;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Cabinet.Hub.Tests;

/// <summary>
/// A delegate's calendar feed, read by Ical.Net as a calendar app would: the meeting appears, then moves (SEQUENCE up,
/// the new time), then shows as cancelled; the secret feed address works without signing in and stops once rotated.
/// </summary>
public sealed class CalendarFeedTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_feed_shows_the_meeting_then_its_new_time_with_a_higher_sequence_then_its_cancellation()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var delegateHttp = await ClosingFlow.ClientAsync(fixture.Server, "daibieu1");

        var first = await EventAsync(delegateHttp, id);
        Assert.Equal("Phiên họp kiểm thử", first.Summary);
        Assert.Equal("CONFIRMED", first.Status);

        var moved = DateTimeOffset.UtcNow.AddDays(3).AddHours(2);
        moved = new DateTimeOffset(moved.Year, moved.Month, moved.Day, moved.Hour, 0, 0, TimeSpan.Zero);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.UpdateMeetingDetails), id,
            new MeetingDetails("Phiên họp kiểm thử", "Phòng họp 5", moved))).Ok);
        Assert.Equal("input.invalid", (await chair.InvokeAsync(nameof(MeetingHub.SetOnlineLink), id, "http://hop.tinh.gov.vn/phong-5")).Error?.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.SetOnlineLink), id, "https://hop.tinh.gov.vn/phong-5")).Ok);
        await using (var delegateHub = await fixture.ConnectAsync("daibieu1"))
        {
            Assert.Equal("auth.forbidden", (await delegateHub.InvokeAsync(nameof(MeetingHub.SetOnlineLink), id, "https://evil.example/x")).Error?.Code);
        }

        var second = await EventAsync(delegateHttp, id);
        Assert.True(second.Sequence > first.Sequence, $"{second.Sequence} after {first.Sequence}");
        Assert.Equal(moved.UtcDateTime, second.DtStart!.AsUtc);
        Assert.Contains("Phòng họp 5", second.Location, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://hop.tinh.gov.vn/phong-5"), second.Url);

        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CancelMeeting), id, "Hoãn theo chỉ đạo")).Ok);
        var third = await EventAsync(delegateHttp, id);
        Assert.Equal("CANCELLED", third.Status);
        Assert.True(third.Sequence >= second.Sequence);
    }

    [Fact]
    public async Task The_secret_feed_address_works_without_cookies_and_stops_after_rotation_and_revocation()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var owner = await ClosingFlow.ClientAsync(fixture.Server, "daibieu2");
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        var url = await NewFeedAsync(owner);
        var feed = await anonymous.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Calendar.Load(await feed.Content.ReadAsStringAsync(ct))!.Events, e => e.Uid == $"{id}@cabinet");

        var rotated = await NewFeedAsync(owner);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(rotated, ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri("/api/me/calendar-feed", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(rotated, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/calendar/khong-phai-ma.ics", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/me/calendar.ics", UriKind.Relative), ct)).StatusCode);
    }

    private static async Task<Uri> NewFeedAsync(HttpClient owner)
    {
        var created = await owner.PostAsync(new Uri("/api/me/calendar-feed", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return new Uri(json.RootElement.GetProperty("url").GetString()!);
    }

    private static async Task<CalendarEvent> EventAsync(HttpClient http, string meetingId)
    {
        var text = await http.GetStringAsync(new Uri("/api/me/calendar.ics", UriKind.Relative), TestContext.Current.CancellationToken);
        var calendar = Calendar.Load(text)!;
        return Assert.Single(calendar.Events, e => e.Uid == $"{meetingId}@cabinet");
    }
}
