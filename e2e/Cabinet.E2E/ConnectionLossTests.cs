using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>The host under an open meeting page stops and comes back: the page says so while it is away and catches up after.</summary>
public sealed class ConnectionLossTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task While_the_host_is_down_the_banner_shows_and_after_it_is_back_the_page_shows_what_changed_meanwhile()
    {
        var meetingId = await LiveMeetings.StartAsync(fixture, "mat-ket-noi",
            new MeetingDetails("Phiên họp trực tuyến", "Phòng họp 2", DateTimeOffset.UtcNow), ["daibieu1"],
            new AgendaItemInput("Nội dung thứ nhất", "Sở Tài chính", 10, ""),
            new AgendaItemInput("Nội dung thứ hai", "Sở Nội vụ", 10, ""));
        var page = await fixture.SignInAsync("daibieu1", MeetingScreens.Laptop);
        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i1");
        var banner = page.GetByTestId("connection-banner");
        await Expect(banner).ToBeHiddenAsync();

        await fixture.RestartServerAsync(whileDown: async () =>
        {
            await Expect(banner).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(banner).ToContainTextAsync("Mất kết nối");
            await MeetingScreens.DocumentAsync(page, "connection-lost-vi");
        });

        // Another client moves the agenda on the host that came back, before or while the page finds it again.
        await using var chair = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        var moved = await chair.InvokeAsync(nameof(MeetingHub.NextItem), meetingId);
        Assert.True(moved.Ok, moved.Error?.Code);

        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i2", new() { Timeout = 30_000 });
    }
}
