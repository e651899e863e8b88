using System.Text.RegularExpressions;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Issue 14 end to end: the secretary prepares a meeting in /meetings/new, the invited answer in their browsers (a
/// deputy, a commune chair who accepts), the quorum line follows who joins, the chair adds an urgent item live, and
/// the signed minutes count members apart from the secretary, guests and the deputy.
/// </summary>
public sealed partial class SecretaryWorkspaceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "Phiên họp chuyên đề về cải cách hành chính";
    private const string Urgent = "Các vấn đề phát sinh";
    private static readonly LocatorAssertionsToHaveTextOptions SoonText = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 15_000 };
    private static readonly string[] Items = ["Báo cáo kết quả cải cách hành chính quý III", "Tờ trình bộ thủ tục hành chính mới", "Kế hoạch số hóa hồ sơ"];

    [Fact]
    public async Task A_guest_account_sees_no_button_to_create_a_meeting_and_is_refused_the_page()
    {
        var guest = await fixture.SignInAsync("khachmoi");
        await Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "Cuộc họp của tôi" })).ToBeVisibleAsync();
        await Expect(guest.GetByTestId("btn-new-meeting")).ToHaveCountAsync(0);

        await guest.GotoAsync("/meetings/new");
        await Expect(guest.GetByTestId("refusal")).ToHaveAttributeAsync("data-code", "auth.forbidden", Soon);
        await Expect(guest.GetByTestId("refusal")).ToContainTextAsync("Chỉ người tổ chức cuộc họp");
        await Expect(guest.GetByTestId("setup-title")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_secretary_prepares_a_meeting_the_invited_answer_the_quorum_follows_arrivals_and_the_minutes_count_correctly()
    {
        await MinutesSigner.SetReviewHoursAsync(fixture.Server.BaseAddress, 0);
        var secretary = await fixture.SignInAsync("thuky");
        var meetingId = await CreateDraftAsync(secretary);
        await UploadPerItemAsync(secretary);
        await secretary.GetByTestId("btn-schedule").ClickAsync();
        await Expect(secretary.GetByTestId("quorum")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(secretary.GetByTestId("documents")).ToHaveAttributeAsync("data-count", "3", Soon);

        // daibieu2 cannot come and sends daibieu7; the secretary's page shows the deputy among the participants at once.
        var absent = await fixture.SignInAsync("daibieu2");
        var invitation = absent.GetByTestId($"meeting-{meetingId}");
        await invitation.GetByTestId("absent-reason").FillAsync("Đi công tác");
        await invitation.GetByTestId("deputy-name").FillAsync("daibieu7");
        await invitation.GetByTestId("btn-deputy").ClickAsync();
        await Expect(invitation.GetByTestId("my-answer")).ToHaveTextAsync("Cử người dự thay", SoonText);
        await BrowserFixture.ScreenshotAsync(absent, "invitation-answer-deputy");
        await Expect(secretary.GetByTestId("answer-of-daibieu2")).ToContainTextAsync("dự thay: Đi công tác", SoonContains);
        await Expect(secretary.GetByTestId("answer-of-daibieu7")).ToContainTextAsync("Dự họp thay", SoonContains);

        // The commune chair sees only the invitation until accepting it, then the meeting.
        var commune = await fixture.SignInAsync("binhan.chutich");
        await Expect(commune.GetByTestId($"meeting-{meetingId}").GetByTestId("invitation-only")).ToBeVisibleAsync();
        await commune.GotoAsync($"/meetings/{meetingId}");
        await Expect(commune.GetByTestId("invitation")).ToContainTextAsync(Title, SoonContains);
        await Expect(commune.GetByTestId("meeting")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(commune, "invitation-other-organisation");
        await commune.GetByTestId("btn-attend").ClickAsync();
        await Expect(commune.GetByTestId("my-role")).ToHaveTextAsync("Khách mời", new() { Timeout = 15_000 });
        await Expect(secretary.GetByTestId("answer-of-binhan.chutich")).ToHaveTextAsync("Xác nhận tham dự", SoonText);

        // Five members (the chair and four delegates; not the secretary, the guests or the deputy): two thirds is four.
        var chair = await OpenAsync("chutich", meetingId);
        var quorum = chair.GetByTestId("quorum");
        await ExpectQuorumAsync(quorum, present: 1, met: false);
        await OpenAsync("daibieu1", meetingId);
        await ExpectQuorumAsync(quorum, present: 2, met: false);
        var member3 = await OpenAsync("daibieu3", meetingId);
        await ExpectQuorumAsync(quorum, present: 3, met: false);
        var deputy = await OpenAsync("daibieu7", meetingId);
        await Expect(deputy.GetByTestId("my-role")).ToHaveTextAsync("Khách mời");
        await OpenAsync("khachmoi", meetingId);
        await Expect(chair.GetByTestId("participant-daibieu7")).ToHaveAttributeAsync("data-online", "true", Soon);
        await Expect(chair.GetByTestId("participant-khachmoi")).ToHaveAttributeAsync("data-online", "true", Soon);
        await ExpectQuorumAsync(quorum, present: 3, met: false);

        // Opened short of quorum, the chair's motion editor starts from the rules (two thirds) and warns until daibieu4 arrives.
        await chair.GetByTestId("btn-open").ClickAsync();
        await Expect(member3.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i1", Soon);
        await chair.GetByTestId("btn-new-poll").ClickAsync();
        await Expect(chair.GetByTestId("motion-quorum")).ToHaveValueAsync("2");
        await Expect(chair.GetByTestId("motion-no-quorum")).ToContainTextAsync("chưa đủ điều kiện");
        await OpenAsync("daibieu4", meetingId);
        await ExpectQuorumAsync(quorum, present: 4, met: true);
        await Expect(member3.GetByTestId("quorum")).ToHaveTextAsync("Có mặt 4/5 thành viên — đủ điều kiện", SoonText);
        await Expect(chair.GetByTestId("motion-no-quorum")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(chair, "live-header-quorum");

        // The urgent item, added while the meeting runs, reaches the delegates marked as added.
        await chair.GetByTestId("agenda-title").FillAsync(Urgent);
        await chair.GetByTestId("agenda-presenter").FillAsync("Chủ tịch UBND tỉnh");
        await chair.GetByTestId("agenda-save").ClickAsync();
        await Expect(member3.GetByTestId("agenda-item-i4")).ToContainTextAsync(Urgent, SoonContains);
        await Expect(member3.GetByTestId("agenda-item-i4").GetByTestId("added-live")).ToBeVisibleAsync();

        var names = new Dictionary<string, string>();
        foreach (var userName in new[] { "chutich", "thuky", "daibieu1", "daibieu2", "daibieu3", "daibieu4", "daibieu7", "khachmoi", "binhan.chutich" })
        {
            names[userName] = await chair.GetByTestId($"participant-{userName}").Locator(".name").InnerTextAsync();
        }

        await chair.GetByTestId("btn-close").ClickAsync();
        await chair.GetByTestId("btn-close-confirm").ClickAsync();
        await MinutesSigner.SignAndSealAsync(fixture.Server.BaseAddress, meetingId); // signing in the browser: ClosingTests
        await Expect(secretary.GetByTestId("archive")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
        var minutes = MinutesText(await DownloadAsync(secretary, "download-minutes"));

        // Members are the chair and the delegates; the secretary is named apart, guests and the deputy listed apart.
        var members = Between(minutes, "5. Thành viên:", "6. Khách mời");
        var guests = Between(minutes, "6. Khách mời", "II. NỘI DUNG");
        Assert.StartsWith("5. Thành viên: có mặt 4/5 thành viên (trong đó 1 đến muộn), vắng 1.", members, StringComparison.Ordinal);
        Assert.StartsWith("6. Khách mời và người dự họp thay (không tính vào số thành viên): 3/3 người có mặt.", guests, StringComparison.Ordinal);
        Assert.Contains($"4. Thư ký: {names["thuky"]}", minutes, StringComparison.Ordinal);
        foreach (var member in new[] { "chutich", "daibieu1", "daibieu2", "daibieu3", "daibieu4" })
        {
            Assert.Contains(names[member], members, StringComparison.Ordinal);
            Assert.DoesNotContain(names[member], guests.Replace($"thay {names["daibieu2"]}", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        foreach (var guest in new[] { "khachmoi", "binhan.chutich", "daibieu7" })
        {
            Assert.Contains(names[guest], guests, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(names["thuky"], members + guests, StringComparison.Ordinal);
        Assert.DoesNotContain(names["khachmoi"], members, StringComparison.Ordinal);
        Assert.DoesNotContain(names["binhan.chutich"], members, StringComparison.Ordinal);
        Assert.Contains($"ủy quyền {names["daibieu7"]} dự thay", members, StringComparison.Ordinal);
        Assert.Contains($"thay {names["daibieu2"]})", guests, StringComparison.Ordinal);
        Assert.Contains($"4. {Urgent} (bổ sung trong cuộc họp)", minutes, StringComparison.Ordinal);
        foreach (var item in Items)
        {
            Assert.Contains(item, minutes, StringComparison.Ordinal);
        }

        Assert.Equal(3, Regex.Matches(minutes, "Tài liệu:").Count);
    }

    /// <summary>Fills /meetings/new as the secretary, saves the draft and returns the new meeting's id.</summary>
    private static async Task<string> CreateDraftAsync(IPage secretary)
    {
        await secretary.GetByTestId("btn-new-meeting").ClickAsync();
        await secretary.GetByTestId("setup-title").FillAsync(Title);
        await secretary.GetByTestId("setup-kind").SelectOptionAsync("Thematic");
        await secretary.GetByTestId("setup-place").FillAsync("Phòng họp số 2, trụ sở UBND tỉnh");
        await Expect(secretary.GetByTestId("role-thuky")).ToHaveValueAsync("Secretary");

        await InviteAsync(secretary, "daibieu", ["daibieu1", "daibieu2", "daibieu3", "daibieu4"]);
        await InviteAsync(secretary, "chutich", ["chutich", "binhan.chutich"]);
        await InviteAsync(secretary, "khachmoi", ["khachmoi"]);
        await secretary.GetByTestId("role-chutich").SelectOptionAsync("Chair");
        await secretary.GetByTestId("role-binhan.chutich").SelectOptionAsync("Guest");
        await secretary.GetByTestId("role-khachmoi").SelectOptionAsync("Guest");

        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                await secretary.GetByTestId("btn-add-item").ClickAsync();
            }

            await secretary.GetByTestId($"item-title-{i}").FillAsync(Items[i]);
            await secretary.GetByTestId($"item-presenter-{i}").FillAsync("Giám đốc Sở Nội vụ");
        }

        await BrowserFixture.ScreenshotAsync(secretary, "meeting-new");
        await secretary.GetByTestId("btn-save-draft").ClickAsync();
        await secretary.WaitForURLAsync(url => url.EndsWith("/settings", StringComparison.Ordinal));
        var path = new Uri(secretary.Url).AbsolutePath;
        return path["/meetings/".Length..^"/settings".Length];
    }

    private static async Task InviteAsync(IPage secretary, string search, string[] userNames)
    {
        await secretary.GetByTestId("directory-search").FillAsync(search);
        await secretary.GetByTestId("btn-search").ClickAsync();
        foreach (var userName in userNames)
        {
            await secretary.GetByTestId($"btn-invite-{userName}").ClickAsync();
            await Expect(secretary.GetByTestId($"setup-participant-{userName}")).ToBeVisibleAsync();
        }
    }

    /// <summary>One document for each item, on the settings page the saved draft opens (the same form as the meeting page's).</summary>
    private static async Task UploadPerItemAsync(IPage secretary)
    {
        await Expect(secretary.GetByTestId("setup-documents")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        string[] files = ["ke-hoach-dich-vu-cong-truc-tuyen.pdf", "sizes.pdf", "rotated.pdf"];
        for (var i = 0; i < Items.Length; i++)
        {
            var title = $"Tài liệu nội dung {i + 1}";
            await secretary.GetByTestId("upload-item").SelectOptionAsync($"i{i + 1}");
            await secretary.GetByTestId("upload-title").FillAsync(title);
            await secretary.GetByTestId("upload-file").SetInputFilesAsync(Pdf(files[i]));
            await secretary.GetByTestId("btn-upload").ClickAsync();
            await Expect(secretary.GetByTestId("upload-done")).ToContainTextAsync(title, new() { Timeout = 30_000 });
            await Expect(secretary.GetByTestId($"setup-documents-i{i + 1}")).ToContainTextAsync(title, SoonContains);
        }
    }

    private async Task<IPage> OpenAsync(string userName, string meetingId)
    {
        var page = await fixture.SignInAsync(userName);
        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return page;
    }

    private static async Task ExpectQuorumAsync(ILocator quorum, int present, bool met)
    {
        await Expect(quorum).ToHaveAttributeAsync("data-present", present.ToString(System.Globalization.CultureInfo.InvariantCulture), Soon);
        await Expect(quorum).ToHaveAttributeAsync("data-total", "5");
        await Expect(quorum).ToHaveTextAsync($"Có mặt {present}/5 thành viên — {(met ? "đủ điều kiện" : "chưa đủ điều kiện")}");
    }

    private static async Task<string> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = Path.Combine(RepositoryPaths.NewTempFolder("e2e-preparation"), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return path;
    }

    /// <summary>The minutes as pdftotext reads them, each run of spaces and line breaks one space (table cells wrap).</summary>
    private static string MinutesText(string pdf)
    {
        var text = Tool.Run("pdftotext", pdf, "-");
        Assert.Equal(0, text.ExitCode);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName, "minutes-issue14.txt"), text.Output);
        return Whitespace().Replace(text.Output, " ");
    }

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"'{from}' … '{to}' not in the minutes:\n{text}");
        return text[start..end];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
