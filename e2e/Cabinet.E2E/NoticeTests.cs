using System.Globalization;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>The bell counts a new invitation live, /thong-bao lists it, and reading clears the count.</summary>
public sealed class NoticeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_bell_counts_a_new_invitation_live_the_page_lists_it_and_reading_clears_it()
    {
        var page = await fixture.SignInAsync("daibieu8");
        var bell = page.GetByTestId("notice-bell");
        await Expect(bell).ToBeVisibleAsync();
        var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", CultureInfo.InvariantCulture);

        var title = $"Họp giao ban {Guid.NewGuid():N}"[..20];
        await using (var chair = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich"))
        {
            var id = MeetingKey.Of("tinh", $"tb-{Guid.NewGuid():N}"[..24]);
            var setup = new MeetingSetup(
                new MeetingDetails(title, "Phòng họp số 2", DateTimeOffset.UtcNow.AddDays(2)),
                [new("chutich", MeetingRole.Chair), new("thuky", MeetingRole.Secretary), new("daibieu8", MeetingRole.Delegate)],
                [new AgendaItemInput("Nội dung 1", "", 10, "")]);
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, setup)).Ok);
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ScheduleMeeting), id)).Ok);
        }

        // No reload: the count changes on the open page.
        await Expect(bell).Not.ToHaveAttributeAsync("data-unread", before.ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("notice-unread")).ToBeVisibleAsync();

        await bell.ClickAsync();
        await Expect(page.GetByTestId("notice").Filter(new() { HasText = title })).ToHaveAttributeAsync("data-read", "false");
        await page.GetByTestId("notices-read-all").ClickAsync();
        await Expect(page.GetByTestId("notice").Filter(new() { HasText = title })).ToHaveAttributeAsync("data-read", "true");
        await Expect(page.GetByTestId("notice-bell")).ToHaveAttributeAsync("data-unread", "0");
        await Expect(page.GetByTestId("notice-unread")).ToHaveCountAsync(0);
    }
}
