using System.Diagnostics;
using System.Text.RegularExpressions;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Two delegates ask for the floor in their browsers, one raises a point of order; the chair gives the floor,
/// everyone sees the speaker and the countdown, the overrun shows to the chair and the speaker only, the history records it.
/// </summary>
public sealed partial class FloorTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonText = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_point_of_order_goes_first_the_chair_grants_it_and_everyone_sees_the_speaker_and_the_time()
    {
        var meeting = await NewLiveMeetingAsync();
        var chair = await fixture.SignInAsync("chutich");
        var asker = await fixture.SignInAsync("daibieu3");
        var pointOfOrder = await fixture.SignInAsync("daibieu4", new ViewportSize { Width = 390, Height = 844 });
        IPage[] everyone = [chair, asker, pointOfOrder];
        foreach (var page in everyone)
        {
            await page.GotoAsync($"/meetings/{meeting}");
            await Expect(page.GetByTestId("floor")).ToBeVisibleAsync();
        }

        await asker.GetByTestId("floor-topic").FillAsync("Ý kiến về thu ngân sách");
        var asked = Stopwatch.StartNew();
        await asker.GetByTestId("btn-floor-request").ClickAsync();
        await Expect(chair.GetByTestId("floor-queue-daibieu3")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Measurements.Record("delegate asks for the floor → the chair sees the request", asked.Elapsed);

        await pointOfOrder.GetByTestId("floor-topic").FillAsync("Đề nghị biểu quyết từng phần");
        await pointOfOrder.GetByTestId("btn-floor-point-of-order").ClickAsync();
        foreach (var page in everyone)
        {
            var first = page.GetByTestId("floor-queue").Locator("li").First;
            await Expect(first).ToHaveAttributeAsync("data-user", "daibieu4", Soon);
            await Expect(first).ToHaveAttributeAsync("data-point-of-order", "true", Soon);
            await Expect(page.GetByTestId("floor-queue").Locator("li")).ToHaveCountAsync(2);
        }

        await Expect(pointOfOrder.GetByTestId("floor-my-position")).ToContainTextAsync("thứ tự số 1", SoonText);
        await Expect(asker.GetByTestId("btn-floor-grant-daibieu3")).ToHaveCountAsync(0);
        await Expect(chair.GetByTestId("room-seat-daibieu3")).ToHaveAttributeAsync("data-hand-raised", "true", Soon);
        await BrowserFixture.ScreenshotAsync(chair, "floor-chair-queue");

        await chair.GetByTestId("btn-floor-grant-next").ClickAsync();
        foreach (var page in everyone)
        {
            await Expect(page.GetByTestId("floor-speaker")).ToHaveAttributeAsync("data-user", "daibieu4", Soon);
            await Expect(page.GetByTestId("floor-speaker")).ToContainTextAsync("Đang phát biểu", SoonText);
            await Expect(page.GetByTestId("speech-countdown-time")).ToHaveTextAsync(Clock(), new() { Timeout = 10_000 });
        }

        await BrowserFixture.ScreenshotAsync(pointOfOrder, "floor-speaker-phone");
        await BrowserFixture.ScreenshotAsync(asker, "floor-delegate-countdown");

        // The chair shortens this speech to the minimum; the overrun then shows to the chair and the speaker only.
        await chair.GetByTestId("floor-speech-minutes").FillAsync("0.5");
        await chair.GetByTestId("btn-floor-speech-time").ClickAsync();
        await Expect(asker.GetByTestId("speech-countdown")).ToHaveAttributeAsync("data-limit", "30", Soon);
        foreach (var page in new[] { chair, pointOfOrder })
        {
            await Expect(page.GetByTestId("speech-countdown-time")).ToContainTextAsync("quá giờ +", new() { Timeout = 60_000 });
        }

        await Expect(asker.GetByTestId("speech-countdown-time")).ToHaveTextAsync("00:00");
        await BrowserFixture.ScreenshotAsync(chair, "floor-chair-overrun");
        await BrowserFixture.ScreenshotAsync(pointOfOrder, "floor-speaker-phone-overrun");

        await chair.GetByTestId("btn-floor-end").ClickAsync();
        foreach (var page in everyone)
        {
            await Expect(page.GetByTestId("floor-speaker")).ToHaveAttributeAsync("data-user", "", Soon);
            await Expect(page.GetByTestId("speech-daibieu4")).ToHaveAttributeAsync("data-point-of-order", "true", Soon);
            await Expect(page.GetByTestId("speech-history")).ToContainTextAsync("Kiến nghị về thủ tục", SoonText);
        }

        await Expect(chair.GetByTestId("room-seat-daibieu4")).ToHaveAttributeAsync("data-up-to-date", "true", Soon);
        await Expect(chair.GetByTestId("room-seat-daibieu4")).ToHaveAttributeAsync("data-connected", "true", Soon);
        await Expect(chair.GetByTestId("room-voted-daibieu4")).ToHaveTextAsync("—");
        await Expect(chair.GetByTestId("floor-queue").Locator("li")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(chair, "floor-chair-history");

        await using var check = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        var ledger = await check.Connection.InvokeAsync<Cabinet.Errors.Result<Voting.Ledger.LedgerEntry[]>>(nameof(MeetingHub.GetLedger), meeting);
        Assert.Equal(
            [MeetingEventKinds.FloorRequested, MeetingEventKinds.FloorRequested, MeetingEventKinds.FloorGranted, MeetingEventKinds.SpeakingTimeChanged, MeetingEventKinds.SpeechEnded],
            ledger.Value!.Select(e => e.Command).Where(c => c.StartsWith("floor.", StringComparison.Ordinal)));
    }

    /// <summary>A meeting of its own, so no other browser test moves it: chutich chairs, daibieu3 and daibieu4 are delegates.</summary>
    private Task<string> NewLiveMeetingAsync() => LiveMeetings.StartAsync(fixture, "e2e-floor",
        new MeetingDetails("Họp thử nghiệm đăng ký phát biểu", "Phòng họp số 3", DateTimeOffset.UtcNow), ["daibieu3", "daibieu4"],
        new AgendaItemInput("Kết quả thu ngân sách", "Sở Tài chính", 20, ""), new AgendaItemInput("Phòng chống thiên tai", "", 20, ""));

    [GeneratedRegex(@"^\d\d:\d\d$")]
    private static partial Regex Clock();
}
