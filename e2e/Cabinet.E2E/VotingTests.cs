using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>A chair and three delegates vote in four browsers: ballots signed in each browser, results signed by the organisation.</summary>
public sealed class VotingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 10_000 };
    private static readonly string[] Delegates = ["daibieu6", "daibieu7", "daibieu8"];

    [Fact]
    public async Task Delegates_vote_live_the_chair_closes_and_everyone_sees_the_same_signed_result_and_ties_follow_the_chair()
    {
        var meetingId = await LiveMeetingAsync();
        var chair = await OpenAsync("chutich", meetingId);
        var delegates = new List<IPage>();
        foreach (var name in Delegates)
        {
            delegates.Add(await OpenAsync(name, meetingId, name == "daibieu8" ? new ViewportSize { Width = 390, Height = 844 } : null));
        }

        foreach (var name in Delegates)
        {
            await Expect(chair.GetByTestId($"participant-{name}")).ToHaveAttributeAsync("data-online", "true", Soon);
        }

        // First poll: three in favour, one abstains; more than half of the four members passes it.
        var started = Stopwatch.StartNew();
        await chair.GetByTestId("btn-new-poll").ClickAsync();
        await chair.GetByTestId("btn-open-poll").ClickAsync();
        foreach (var page in delegates)
        {
            await Expect(page.GetByTestId("poll-open")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }

        Measurements.Record("chair opens a poll → the ballot is on all three delegates' screens", started.Elapsed);
        string[] choices = ["yes", "yes", "abstain"];
        for (var i = 0; i < delegates.Count; i++)
        {
            await VoteAsync(delegates[i], choices[i]);
            await Expect(chair.GetByTestId("poll-participation")).ToHaveAttributeAsync("data-voted", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Soon);
        }

        var chairName = await chair.GetByTestId("participant-chutich").Locator(".name").InnerTextAsync();
        await Expect(chair.GetByTestId("not-yet-voted")).ToContainTextAsync(chairName);
        await VoteAsync(chair, "yes");
        await Expect(delegates[0].GetByTestId("poll-participation")).ToHaveAttributeAsync("data-voted", "4", Soon);
        await BrowserFixture.ScreenshotAsync(delegates[2], "delegate-phone-voted");

        started.Restart();
        await chair.GetByTestId("btn-close-poll").ClickAsync();
        var explanation = await ResultSeenByAllAsync(chair, delegates, "p1", passed: true);
        Measurements.Record("chair closes the poll → the signed result on all four screens", started.Elapsed);
        Assert.Contains("3/4", explanation, StringComparison.Ordinal);
        await Expect(chair.GetByTestId("poll-result-p1").Locator("[data-choice=abstain]")).ToContainTextAsync("1");
        await delegates[0].GetByTestId("poll-result-p1").GetByTestId("receipt-check").ClickAsync();
        await Expect(delegates[0].GetByTestId("receipt-check-result")).ToContainTextAsync("có trong chuỗi phiếu");
        await BrowserFixture.ScreenshotAsync(chair, "chair-poll-result");

        // Second poll: 2–2 with the chair in favour. The chair's casting vote reaches 3 of 4 members: it passes.
        await chair.GetByTestId("btn-new-poll").ClickAsync();
        await chair.GetByTestId("btn-open-poll").ClickAsync();
        await Expect(delegates[0].GetByTestId("poll-open")).ToHaveAttributeAsync("data-poll-id", "p2", Soon);
        await VoteAsync(chair, "yes");
        await VoteAsync(delegates[0], "yes");
        await VoteAsync(delegates[1], "no");
        await VoteAsync(delegates[2], "no");
        await Expect(chair.GetByTestId("poll-participation")).ToHaveAttributeAsync("data-voted", "4", Soon);
        await chair.GetByTestId("btn-close-poll").ClickAsync();
        var tie = await ResultSeenByAllAsync(chair, delegates, "p2", passed: true);
        Assert.Contains("Chủ tọa", tie, StringComparison.Ordinal);
    }

    private Task<string> LiveMeetingAsync() => LiveMeetings.StartAsync(fixture, "bieu-quyet",
        new MeetingDetails("Phiên họp biểu quyết", "Phòng họp 3", DateTimeOffset.UtcNow), Delegates,
        new AgendaItemInput("Tờ trình về Kế hoạch chuyển đổi số năm 2027", "Sở Khoa học và Công nghệ", 20, ""));

    private async Task<IPage> OpenAsync(string userName, string meetingId, ViewportSize? viewport = null)
    {
        var page = await fixture.SignInAsync(userName, viewport);
        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync();
        return page;
    }

    private static async Task VoteAsync(IPage page, string choice)
    {
        await page.GetByTestId($"ballot-option-{choice}").ClickAsync();
        await page.GetByTestId("ballot-confirm").ClickAsync();
        await page.GetByTestId("ballot-send").ClickAsync();
        await Expect(page.GetByTestId("ballot-receipt")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    private static async Task<string> ResultSeenByAllAsync(IPage chair, IEnumerable<IPage> delegates, string pollId, bool passed)
    {
        string? explanation = null;
        foreach (var page in delegates.Prepend(chair))
        {
            var card = page.GetByTestId($"poll-result-{pollId}");
            await Expect(card).ToHaveAttributeAsync("data-passed", passed ? "true" : "false", Soon);
            var text = await card.GetByTestId("result-explanation").InnerTextAsync();
            Assert.True(explanation is null || explanation == text, $"{explanation} ≠ {text}");
            explanation = text;
        }

        return explanation!;
    }

}
