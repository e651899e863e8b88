using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// The meeting page as issue 15 asks: the chair's cockpit on one laptop screen with its shortcuts, the phone without
/// sideways scroll (live and closed), axe on every role's view and the ballot, a keyboard-only vote, and a vote in one
/// tab that every tab of that person shows.
/// </summary>
public sealed class CockpitTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 10_000 };
    private static readonly string[] Delegates = ["daibieu1", "daibieu2", "daibieu3", "daibieu4", "daibieu5"];
    private const string Observer = "vanthu";

    [Fact]
    public async Task The_chairs_cockpit_fits_a_laptop_screen_with_a_poll_open_and_five_waiting_to_speak_and_answers_its_shortcuts()
    {
        var meetingId = await StartAsync("buong-lai");
        await using var hub = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        foreach (var name in Delegates)
        {
            var added = await hub.InvokeAsync(nameof(MeetingHub.AddToFloorQueue), meetingId, name, new FloorRequestInput($"Ý kiến của {name} về tờ trình", false));
            Assert.True(added.Ok, added.Error?.Code);
        }

        var chair = await OpenAsync("chutich", meetingId, MeetingScreens.Laptop);
        await chair.GetByTestId("btn-new-poll").ClickAsync();
        await OpenPollShortOfQuorumAsync(chair);
        await Expect(chair.GetByTestId("poll-open")).ToBeVisibleAsync();
        await Expect(chair.GetByTestId("floor-queue").Locator("li")).ToHaveCountAsync(5);
        await Expect(chair.GetByTestId("agenda-progress")).ToHaveAttributeAsync("data-position", "1");

        var scroll = await MeetingScreens.ScrollAsync(chair);
        Assert.False(scroll.Vertical || scroll.Sideways, $"the chair's page scrolls: {scroll}");
        foreach (var pane in new[] { "pane-agenda", "pane-main", "pane-side" })
        {
            await Expect(chair.GetByTestId(pane)).ToBeInViewportAsync(new() { Ratio = 0.99f });
        }

        await MeetingScreens.DocumentAsync(chair, "cockpit-1366x768-vi");

        // Alt+Shift+N/P move the agenda, Alt+Shift+M gives the floor to the first in the queue; never while typing.
        await chair.GetByTestId("cancel-reason").FocusAsync();
        await chair.Keyboard.PressAsync("Alt+Shift+KeyN");
        await chair.GetByTestId("cancel-reason").BlurAsync();
        await chair.Keyboard.PressAsync("Alt+Shift+KeyN");
        await Expect(chair.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i2", Soon);
        await chair.Keyboard.PressAsync("Alt+Shift+KeyP");
        await Expect(chair.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i1", Soon);
        await chair.Keyboard.PressAsync("Alt+Shift+KeyM");
        await Expect(chair.GetByTestId("floor-speaker")).ToHaveAttributeAsync("data-user", Delegates[0], Soon);
        await chair.GetByTestId("btn-shortcuts").ClickAsync();
        await Expect(chair.GetByTestId("shortcut-help")).ToContainTextAsync("Alt");

        await MeetingScreens.SwitchLanguageAsync(chair, "en-US");
        await Expect(chair.GetByTestId("chair-controls")).ToContainTextAsync("Next item");
        await Expect(chair.GetByTestId("poll-open")).ToBeVisibleAsync();
        scroll = await MeetingScreens.ScrollAsync(chair);
        Assert.False(scroll.Vertical || scroll.Sideways, $"the chair's page scrolls in English: {scroll}");
        await MeetingScreens.DocumentAsync(chair, "cockpit-1366x768-en");
    }

    [Fact]
    public async Task On_a_phone_nothing_scrolls_sideways_live_or_closed_and_an_open_vote_is_one_tap_away()
    {
        var meetingId = await StartAsync("dien-thoai");
        var phone = await OpenAsync(Delegates[1], meetingId, MeetingScreens.Phone);
        await using var hub = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        await OpenPollAsync(hub, meetingId);

        await Expect(phone.GetByTestId("jump-vote")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await phone.GetByTestId("jump-vote").ClickAsync();
        await Expect(phone.GetByTestId("ballot-option-yes")).ToBeInViewportAsync();
        Assert.False((await MeetingScreens.ScrollAsync(phone)).Sideways, $"live: {await MeetingScreens.ScrollAsync(phone)}");
        await phone.EvaluateAsync("() => window.scrollTo(0, 0)");
        await MeetingScreens.DocumentAsync(phone, "phone-390x844-vi");

        await MeetingScreens.SwitchLanguageAsync(phone, "en-US");
        await Expect(phone.GetByTestId("jump-vote")).ToContainTextAsync("Vote", new() { Timeout = 10_000 });
        Assert.False((await MeetingScreens.ScrollAsync(phone)).Sideways, $"live, English: {await MeetingScreens.ScrollAsync(phone)}");
        await MeetingScreens.DocumentAsync(phone, "phone-390x844-en");
        await MeetingScreens.SwitchLanguageAsync(phone, "vi-VN");

        Assert.True((await hub.InvokeAsync(nameof(MeetingHub.CancelPoll), meetingId, "p1", "Thử nghiệm")).Ok);
        Assert.True((await hub.InvokeAsync(nameof(MeetingHub.CloseMeeting), meetingId)).Ok);
        await Expect(phone.GetByTestId("meeting-ended")).ToContainTextAsync("Cuộc họp đã kết thúc", new() { Timeout = 10_000 });
        await Expect(phone.GetByTestId("current-item")).ToHaveCountAsync(0);
        await Expect(phone.GetByTestId("elapsed")).ToHaveCountAsync(0);
        // After the close the draft minutes go for review (the archive waits for the signatures): the closed page as it is then.
        await Expect(phone.GetByTestId("minutes-draft")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var closed = await MeetingScreens.ScrollAsync(phone);
        Assert.False(closed.Sideways, $"closed: {closed}");
    }

    [Fact]
    public async Task Every_roles_view_and_the_open_ballot_pass_axe_and_a_vote_needs_only_the_keyboard()
    {
        var meetingId = await StartAsync("tiep-can");
        var chair = await OpenAsync("chutich", meetingId, MeetingScreens.Laptop);
        var voter = await OpenAsync(Delegates[2], meetingId, MeetingScreens.Laptop);
        var observer = await OpenAsync(Observer, meetingId, MeetingScreens.Laptop);
        var secretary = await OpenAsync("thuky", meetingId, MeetingScreens.Laptop);
        await Expect(secretary.GetByTestId("pane-conclusion")).ToBeVisibleAsync();
        var desk = await MeetingScreens.ScrollAsync(secretary);
        Assert.False(desk.Vertical || desk.Sideways, $"the secretary's page scrolls: {desk}");
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(secretary));
        await MeetingScreens.DocumentAsync(secretary, "secretary-1366x768-vi");
        await MeetingScreens.DocumentAsync(observer, "reader-1366x768-vi");
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(chair));
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(voter));
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(observer));

        await chair.GetByTestId("btn-new-poll").ClickAsync();
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(chair));
        await OpenPollShortOfQuorumAsync(chair);
        await Expect(voter.GetByTestId("ballot")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(voter));
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(observer));
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(chair));

        // Keyboard only: Tab to the choices, Space and the arrows to choose, Tab and Enter to confirm, Enter to send.
        var reached = false;
        for (var i = 0; i < 150 && !reached; i++)
        {
            await voter.Keyboard.PressAsync("Tab");
            reached = await voter.EvaluateAsync<bool>("() => document.activeElement?.name === 'ballot-p1'");
        }

        Assert.True(reached, "Tab never reached the ballot's choices");
        // Each choice waits for the server's answer (the label marked "selected") before the next key, so a late render of
        // an earlier choice cannot land after the last one.
        await voter.Keyboard.PressAsync("Space");
        await Expect(voter.GetByTestId("ballot-option-yes")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bselected\\b"));
        await voter.Keyboard.PressAsync("ArrowDown");
        await Expect(voter.GetByTestId("ballot-option-no")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bselected\\b"));
        await voter.Keyboard.PressAsync("ArrowUp");
        await Expect(voter.GetByTestId("ballot-option-yes")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bselected\\b"));
        await Expect(voter.GetByTestId("ballot-option-no")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bselected\\b"));
        await Expect(voter.GetByTestId("ballot-option-yes").Locator("input")).ToBeCheckedAsync();
        // The choice reaches the server, which enables the button; only then is it in the Tab order.
        await Expect(voter.GetByTestId("ballot-confirm")).ToBeEnabledAsync();
        await voter.Keyboard.PressAsync("Tab");
        await Expect(voter.GetByTestId("ballot-confirm")).ToBeFocusedAsync();
        await voter.Keyboard.PressAsync("Enter");
        await Expect(voter.GetByTestId("ballot-send")).ToBeFocusedAsync();
        await Expect(voter.GetByTestId("ballot-choice")).ToHaveTextAsync("Tán thành");
        await voter.Keyboard.PressAsync("Enter");
        var announcement = voter.GetByTestId("ballot-announcement");
        await Expect(announcement).ToContainTextAsync("Phiếu của bạn đã được ghi nhận", new() { Timeout = 15_000 });
        Assert.Equal("status", await announcement.GetAttributeAsync("role"));
        await Expect(chair.GetByTestId("poll-participation")).ToHaveAttributeAsync("data-voted", "1", Soon);
        Assert.Equal("", await MeetingScreens.SeriousViolationsAsync(voter));
    }

    [Fact]
    public async Task After_voting_in_one_tab_every_tab_of_that_person_shows_the_receipt_and_no_ballot()
    {
        var meetingId = await StartAsync("hai-tab");
        var tabA = await OpenAsync(Delegates[3], meetingId, MeetingScreens.Laptop);
        var tabB = await tabA.Context.NewPageAsync();
        await tabB.GotoAsync($"/meetings/{meetingId}");
        await Expect(tabB.GetByTestId("meeting")).ToBeVisibleAsync();
        await using var hub = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        await OpenPollAsync(hub, meetingId);
        await Expect(tabA.GetByTestId("ballot-option-yes")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(tabB.GetByTestId("ballot-option-yes")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await tabA.GetByTestId("ballot-option-no").ClickAsync();
        await tabA.GetByTestId("ballot-confirm").ClickAsync();
        await tabA.GetByTestId("ballot-send").ClickAsync();
        var receipt = tabA.GetByTestId("ballot-receipt");
        await Expect(receipt).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await Expect(tabB.GetByTestId("ballot-receipt")).ToHaveAttributeAsync("data-position", (await receipt.GetAttributeAsync("data-position"))!, Soon);
        await Expect(tabB.GetByTestId("ballot-option-no")).ToHaveCountAsync(0);
        await Expect(tabB.GetByTestId("ballot-announcement")).ToContainTextAsync("Phiếu của bạn đã được ghi nhận");

        // A tab opened afterwards asks the server, not this browser's storage.
        var tabC = await tabA.Context.NewPageAsync();
        await tabC.AddInitScriptAsync("localStorage.clear()");
        await tabC.GotoAsync($"/meetings/{meetingId}");
        await Expect(tabC.GetByTestId("ballot-receipt")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(tabC.GetByTestId("ballot-option-no")).ToHaveCountAsync(0);
    }

    private Task<string> StartAsync(string prefix) => LiveMeetings.StartWithAsync(fixture, prefix,
        new MeetingDetails("Phiên họp thường kỳ tháng 12", "Phòng họp số 1, trụ sở UBND tỉnh", DateTimeOffset.UtcNow),
        [.. Delegates.Select(d => new ParticipantInvite(d, MeetingRole.Delegate)), new ParticipantInvite(Observer, MeetingRole.Observer)],
        new AgendaItemInput("Tờ trình về Kế hoạch đầu tư công trung hạn giai đoạn 2026–2030", "Sở Tài chính", 30, ""),
        new AgendaItemInput("Báo cáo tình hình kinh tế – xã hội tháng 11", "Văn phòng UBND tỉnh", 20, ""),
        new AgendaItemInput("Dự thảo Quyết định ban hành Quy chế làm việc", "Sở Nội vụ", 15, ""));

    /// <summary>Few members are at these tests' meetings: the chair confirms opening short of quorum, as the editor asks.</summary>
    private static async Task OpenPollShortOfQuorumAsync(IPage chair)
    {
        await chair.GetByTestId("motion-confirm-no-quorum").CheckAsync();
        await chair.GetByTestId("btn-open-poll").ClickAsync();
    }

    private static async Task OpenPollAsync(MeetingHubClient chair, string meetingId)
    {
        var opened = await chair.InvokeAsync(nameof(MeetingHub.OpenPoll), meetingId,
            new MotionInput("i1", "Thông qua Kế hoạch đầu tư công trung hạn", ConfirmWithoutQuorum: true));
        Assert.True(opened.Ok, opened.Error?.Code);
    }

    private async Task<IPage> OpenAsync(string userName, string meetingId, ViewportSize viewport)
    {
        var page = await fixture.SignInAsync(userName, viewport);
        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"participant-{userName}")).ToHaveAttributeAsync("data-online", "true", Soon);
        return page;
    }
}
