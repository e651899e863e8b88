using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>The secretary drafts, the chair approves live, the chair closes, and every participant gets the signed record.</summary>
public sealed class ClosingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_conclusion_is_approved_live_and_after_closing_everyone_downloads_the_archive_and_the_minutes_render()
    {
        var id = await LiveMeetingAsync();
        var chair = await OpenAsync("chutich", id);
        var secretary = await OpenAsync("thuky", id);
        var delegate1 = await OpenAsync("daibieu5", id);

        await secretary.GetByTestId("conclusion-text").FillAsync("Thống nhất ban hành Kế hoạch chuyển đổi số năm 2027.\nGiao Sở Khoa học và Công nghệ chủ trì triển khai.");
        var started = Stopwatch.StartNew();
        await secretary.GetByTestId("btn-save-conclusion").ClickAsync();
        await Expect(chair.GetByTestId("conclusion-draft")).ToContainTextAsync("Giao Sở Khoa học và Công nghệ", new() { Timeout = 10_000 });
        Measurements.Record("secretary saves a draft conclusion → the chair sees it", started.Elapsed);
        await Expect(delegate1.GetByTestId("conclusion-draft")).ToHaveCountAsync(0);
        await Expect(delegate1.GetByTestId("conclusion-approved")).ToHaveCountAsync(0);

        await chair.GetByTestId("btn-approve-conclusion").ClickAsync();
        await Expect(delegate1.GetByTestId("conclusion-approved")).ToContainTextAsync("Thống nhất ban hành", new() { Timeout = 10_000 });

        await chair.GetByTestId("btn-close").ClickAsync();
        await chair.GetByTestId("btn-close-confirm").ClickAsync();
        started.Restart();
        foreach (var page in new[] { chair, secretary, delegate1 })
        {
            await Expect(page.GetByTestId("archive")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
        }

        Measurements.Record("chair closes → signed minutes and sealed archive ready on every screen", started.Elapsed);
        await BrowserFixture.ScreenshotAsync(delegate1, "delegate-archive-ready");
        var folder = RepositoryPaths.NewTempFolder("e2e-minutes");
        foreach (var (page, name) in new[] { (chair, "chutich"), (secretary, "thuky"), (delegate1, "daibieu5") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-archive").ClickAsync());
            var path = Path.Combine(folder, $"{name}.zip");
            await download.SaveAsAsync(path);
            Assert.True(new FileInfo(path).Length > 1000);
        }

        var minutes = await delegate1.RunAndWaitForDownloadAsync(() => delegate1.GetByTestId("download-minutes").ClickAsync());
        var pdf = Path.Combine(folder, "minutes.pdf");
        await minutes.SaveAsAsync(pdf);
        var png = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "minutes-page1");
        var rendered = Tool.Run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, png);
        Assert.Equal(0, rendered.ExitCode);
        Assert.True(PngInk.RowsWithInk(png + ".png") > 40, "page 1 of the minutes looks blank");
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "chutich.zip")), File.ReadAllBytes(Path.Combine(folder, "daibieu5.zip")));

        // Anyone can drop the archive on the verify page; a changed byte is caught there too.
        await delegate1.GotoAsync("/verify");
        await delegate1.GetByTestId("verify-file").SetInputFilesAsync(Path.Combine(folder, "daibieu5.zip"));
        await Expect(delegate1.GetByTestId("verify-report")).ToHaveAttributeAsync("data-valid", "true", new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(delegate1, "verify-page");
        var bytes = File.ReadAllBytes(Path.Combine(folder, "thuky.zip"));
        bytes[bytes.Length / 2] ^= 0x01;
        await delegate1.GetByTestId("verify-file").SetInputFilesAsync(new FilePayload { Name = "sua-doi.zip", MimeType = "application/zip", Buffer = bytes });
        await Expect(delegate1.GetByTestId("verify-report")).ToHaveAttributeAsync("data-valid", "false", new() { Timeout = 20_000 });
    }

    private Task<string> LiveMeetingAsync() => LiveMeetings.StartAsync(fixture, "ket-luan",
        new MeetingDetails("Phiên họp thông qua kế hoạch", "Phòng họp 4", DateTimeOffset.UtcNow), ["daibieu5"],
        new AgendaItemInput("Kế hoạch chuyển đổi số năm 2027", "Sở Khoa học và Công nghệ", 20, ""));

    private async Task<IPage> OpenAsync(string userName, string meetingId)
    {
        var page = await fixture.SignInAsync(userName);
        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync();
        return page;
    }

}
