using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Issue 17 in the browser: the secretary drafts an opinion ballot with a PDF and submits it; the chair returns it with a
/// comment; the secretary edits and resubmits; the chair approves; three members answer (one with a written opinion,
/// one on a phone) and one never does; the consolidation follows live on the chair's page; after the deadline the
/// secretary closes it, the secretary and then the chair sign the report in their browsers with their own device keys,
/// and the sealed report shows the counts and the written opinion and carries three valid signatures; attached to a
/// meeting's agenda item, the outcome shows on a delegate's meeting page with the report.
/// </summary>
public sealed class OpinionBallotTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Written = "Đề nghị bổ sung kinh phí cho xã miền núi.";
    private static readonly LocatorAssertionsToHaveTextOptions SoonText = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 15_000 };
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_ballot_goes_round_is_answered_on_a_computer_and_a_phone_and_ends_in_the_report()
    {
        var secretary = await fixture.SignInAsync("thuky");
        await secretary.GotoAsync("/phieu-lay-y-kien/moi");
        await secretary.GetByTestId("opinion-title").FillAsync("Lấy ý kiến về dự thảo kế hoạch đầu tư công");
        await secretary.GetByTestId("opinion-question-text").First.FillAsync("Thống nhất thông qua dự thảo kế hoạch?");
        await secretary.GetByTestId("opinion-add-question").ClickAsync();
        await secretary.GetByTestId("opinion-question-text").Nth(1).FillAsync("Thời điểm triển khai");
        await secretary.GetByTestId("opinion-question-kind").Nth(1).SelectOptionAsync("Choice");
        await secretary.GetByTestId("opinion-question-options").FillAsync("Quý II\nQuý III");
        await secretary.GetByTestId("opinion-members").FillAsync("daibieu1, daibieu2, daibieu3, daibieu4");
        await secretary.GetByTestId("opinion-chair").FillAsync("chutich");
        await secretary.GetByTestId("opinion-save").ClickAsync();
        await Expect(secretary.GetByTestId("opinion-status")).ToHaveAttributeAsync("data-status", "Draft", Soon);
        var ballotUrl = new Uri(secretary.Url).AbsolutePath;

        var pdf = Path.Combine(RepositoryPaths.NewTempFolder("opinion-e2e"), "du-thao.pdf");
        await File.WriteAllBytesAsync(pdf, SamplePdf.Create(["Dự thảo kế hoạch đầu tư công trung hạn 2026–2030"]));
        await secretary.GetByTestId("opinion-document-name").FillAsync("Dự thảo kế hoạch");
        await secretary.GetByTestId("opinion-document-file").SetInputFilesAsync(pdf);
        await Expect(secretary.GetByTestId("opinion-document")).ToContainTextAsync("Dự thảo kế hoạch", SoonContains);
        await secretary.GetByTestId("opinion-submit").ClickAsync();
        await Expect(secretary.GetByTestId("opinion-status")).ToHaveAttributeAsync("data-status", "Submitted", Soon);

        // The chair returns it; the secretary's open page shows the comment at once.
        var chair = await fixture.SignInAsync("chutich");
        await chair.GotoAsync(ballotUrl);
        await chair.GetByTestId("opinion-return-text").FillAsync("Bổ sung phương án quý IV.");
        await chair.GetByTestId("opinion-return").ClickAsync();
        await Expect(secretary.GetByTestId("opinion-return-comment")).ToContainTextAsync("Bổ sung phương án quý IV.", SoonContains);

        // The secretary edits (a deadline a minute away, so the test can close after it) and submits again; the chair approves.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(75);
        if (deadline.Second == 0)
        {
            // Chromium keeps a datetime-local of hh:mm:00 as hh:mm, and Playwright's fill then calls the value malformed.
            deadline = deadline.AddSeconds(1);
        }

        await secretary.GetByTestId("opinion-question-options").FillAsync("Quý II\nQuý III\nQuý IV");
        await secretary.GetByTestId("opinion-deadline").FillAsync(deadline.ToOffset(VietnamOffset).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        await secretary.GetByTestId("opinion-save").ClickAsync();
        await Expect(secretary.GetByTestId("opinion-question-options")).ToHaveValueAsync("Quý II\nQuý III\nQuý IV", new() { Timeout = 15_000 });
        await secretary.GetByTestId("opinion-submit").ClickAsync();
        await Expect(chair.GetByTestId("opinion-status")).ToHaveAttributeAsync("data-status", "Submitted", Soon);
        await chair.GetByTestId("opinion-approve").ClickAsync();
        await Expect(chair.GetByTestId("opinion-answered")).ToContainTextAsync("0/4", SoonContains);

        // The first member reads the draft in the viewer before answering.
        var first = await fixture.SignInAsync("daibieu1");
        await first.GotoAsync(ballotUrl);
        await first.GetByTestId("opinion-document-view").ClickAsync();
        await Expect(first.GetByTestId("viewer")).ToHaveAttributeAsync("data-ready", "true", Soon);
        await Expect(first.GetByTestId("viewer")).ToHaveAttributeAsync("data-page", "1", Soon);
        await BrowserFixture.ScreenshotAsync(first, "opinion-document-viewer");
        await AnswerAsync(first, null, "agree", option: 0);
        await Expect(chair.GetByTestId("opinion-answered")).ToContainTextAsync("1/4", SoonContains);
        var other = await fixture.SignInAsync("daibieu2");
        await other.GotoAsync(ballotUrl);
        await other.GetByTestId("opinion-answer-other").ClickAsync();
        await other.GetByTestId("opinion-answer-text").FillAsync(Written);
        await AnswerAsync(other, null, null, option: 2);
        await Expect(chair.GetByTestId("opinion-written")).ToContainTextAsync(Written, SoonContains);

        var phone = await fixture.SignInAsync("daibieu3", new ViewportSize { Width = 390, Height = 844 });
        await AnswerAsync(phone, ballotUrl, "agree", option: 0);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the answer page scrolls sideways at 390 px");
        await BrowserFixture.ScreenshotAsync(phone, "opinion-answer-phone");
        await Expect(chair.GetByTestId("opinion-answered")).ToContainTextAsync("3/4", SoonContains);
        await Expect(chair.GetByTestId("opinion-not-answered")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Chưa trả lời: [^,]+$"), SoonText);   // daibieu4 alone never answers
        await BrowserFixture.ScreenshotAsync(chair, "opinion-consolidation");

        // Closing waits for the deadline when someone has not answered; meanwhile the secretary and the chair register their devices' keys.
        await RegisterDeviceAsync(secretary, ballotUrl);
        await RegisterDeviceAsync(chair, ballotUrl);
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // The secretary and the chair sign the report in their own browsers, in that order, before it is sealed.
        await secretary.GetByTestId("opinion-close").ClickAsync();
        await Expect(secretary.GetByTestId("opinion-status")).ToHaveAttributeAsync("data-status", "Closed", Soon);
        await Expect(secretary.GetByTestId("btn-opinion-report-sign")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(chair.GetByTestId("opinion-report-signing")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(chair.GetByTestId("btn-opinion-report-sign")).ToHaveCountAsync(0);   // the secretary signs first
        await Expect(secretary.GetByTestId("opinion-report-link")).ToHaveCountAsync(0);   // nothing sealed yet
        await secretary.GetByTestId("btn-opinion-report-sign").ClickAsync();
        await Expect(chair.GetByTestId("opinion-report-signatory-thuky")).ToHaveAttributeAsync("data-signed", "true", Soon);
        await chair.GetByTestId("btn-opinion-report-sign").ClickAsync();
        await Expect(secretary.GetByTestId("opinion-report-link")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var report = await secretary.Context.APIRequest.GetAsync((await secretary.GetByTestId("opinion-report-link").GetAttributeAsync("href"))!);
        Assert.Equal(200, report.Status);
        var file = Path.Combine(Path.GetDirectoryName(pdf)!, "bao-cao.pdf");
        await File.WriteAllBytesAsync(file, await report.BodyAsync());
        var text = Tool.Run("pdftotext", file, "-").Output;
        Assert.Contains("BÁO CÁO TỔNG HỢP Ý KIẾN", text, StringComparison.Ordinal);
        Assert.Contains("Đồng ý: 2; Không đồng ý: 0; Ý kiến khác: 1", text, StringComparison.Ordinal);
        Assert.Contains(Written, text, StringComparison.Ordinal);
        Assert.Contains("Đã trả lời 3/4", text, StringComparison.Ordinal);

        var root = Path.Combine(Path.GetDirectoryName(pdf)!, "root.pem");
        await File.WriteAllBytesAsync(root, await (await secretary.Context.APIRequest.GetAsync("/api/pki/root.pem")).BodyAsync());
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(Path.Combine(Path.GetDirectoryName(pdf)!, "nss"), root), file);
        Assert.True(pdfsig.Output.Split("Signature is Valid.").Length - 1 == 3, pdfsig.Output);   // the secretary, the chair, the seal
        Assert.Matches("(?s)ThuKy.*ChuTri.*CoQuan", pdfsig.Output);

        // The outcome goes onto a meeting's agenda item: a delegate's open meeting page shows it on the current item at once,
        // with the report, which they read through the meeting.
        var meetingId = await LiveMeetings.StartAsync(fixture, "ykien", new Meetings.MeetingDetails("Phiên họp thường kỳ", "Phòng họp 1", DateTimeOffset.UtcNow),
            ["daibieu4"], new Meetings.AgendaItemInput("Kế hoạch đầu tư công trung hạn", "Sở Kế hoạch và Đầu tư", 20, ""));
        var delegatePage = await fixture.SignInAsync("daibieu4");
        await delegatePage.GotoAsync($"/meetings/{meetingId}");
        await Expect(delegatePage.GetByTestId("current-item")).ToBeVisibleAsync();
        await secretary.GotoAsync($"/meetings/{meetingId}");
        await secretary.GetByTestId("opinion-attach-ballot").SelectOptionAsync(ballotUrl["/phieu-lay-y-kien/".Length..]);
        await secretary.GetByTestId("btn-attach-opinion").ClickAsync();
        var shown = delegatePage.GetByTestId("current-item").GetByTestId("opinion-outcome");
        await Expect(shown).ToContainTextAsync("Lấy ý kiến về dự thảo kế hoạch đầu tư công", SoonContains);
        await Expect(shown).ToContainTextAsync("Đồng ý 2, Không đồng ý 0, Ý kiến khác 1");
        await Expect(shown.GetByTestId("opinion-outcome-answered")).ToContainTextAsync("3/4");
        await BrowserFixture.ScreenshotAsync(delegatePage, "opinion-outcome-on-agenda-item");
        var viaMeeting = await delegatePage.Context.APIRequest.GetAsync((await shown.GetByTestId("opinion-outcome-report").GetAttributeAsync("href"))!);
        Assert.Equal(200, viaMeeting.Status);
        Assert.Equal(await report.BodyAsync(), await viaMeeting.BodyAsync());
    }

    /// <summary>This browser context's own key, registered (and certified) from /devices as a person would, then back to the ballot.</summary>
    private static async Task RegisterDeviceAsync(IPage page, string ballotUrl)
    {
        await page.GotoAsync("/devices");
        await page.GetByTestId("register-device").ClickAsync();
        await Expect(page.GetByTestId("this-device")).ToHaveAttributeAsync("data-device-id", new System.Text.RegularExpressions.Regex("."), Soon);
        await page.GotoAsync(ballotUrl);
        await Expect(page.GetByTestId("opinion-heading")).ToBeVisibleAsync();
    }

    /// <summary>Chooses the first question's answer (when given) and the second's option, signs and sends, and waits for the receipt.</summary>
    private static async Task AnswerAsync(IPage member, string? url, string? first, int option)
    {
        if (url is not null)
        {
            await member.GotoAsync(url);
        }

        if (first is not null)
        {
            await member.GetByTestId($"opinion-answer-{first}").ClickAsync();
        }

        await member.GetByTestId("opinion-answer-option").Nth(option).ClickAsync();
        await member.GetByTestId("opinion-answer-send").ClickAsync();
        await Expect(member.GetByTestId("opinion-answer-receipt").First).ToContainTextAsync("Biên nhận số", SoonContains);
    }
}
