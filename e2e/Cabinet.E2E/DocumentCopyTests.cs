using System.IO.Compression;
using System.Text.Json;
using Cabinet.Hub;
using Cabinet.Records.Archive;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// A delegate opens a document and downloads it: the copy carries the delegate's name and copy id, the chair's access
/// log lists both, and the sealed archive counts them in access-summary.json and verifies.
/// </summary>
public sealed class DocumentCopyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_delegates_opening_and_download_reach_the_chairs_access_log_and_the_sealed_archive()
    {
        await MinutesSigner.SetReviewHoursAsync(fixture.Server.BaseAddress, 0);
        var meeting = await LiveMeetingAsync(fixture, "ban-sao", "daibieu1");
        var documentId = await UploadAsync(fixture, meeting, "alphatrans.pdf", "Tờ trình bản sao");
        var delegate1 = await OpenMeetingAsync(fixture, "daibieu1", meeting);
        await OpenDocumentAsync(delegate1, documentId);
        var download = await delegate1.RunAndWaitForDownloadAsync(() =>
            delegate1.GetByTestId($"document-{documentId}").GetByTestId("download-document").ClickAsync());
        var copy = Path.Combine(RepositoryPaths.NewTempFolder("e2e-copies"), "copy.pdf");
        await download.SaveAsAsync(copy);
        var text = Tool.Run("pdftotext", copy, "-").Output;
        Assert.Contains("Mã bản sao ", text, StringComparison.Ordinal);

        var chair = await OpenMeetingAsync(fixture, "chutich", meeting);
        var name = await chair.GetByTestId("participant-daibieu1").Locator(".name").InnerTextAsync();
        Assert.Contains(name, text, StringComparison.Ordinal);
        await chair.GetByTestId("btn-access-refresh").ClickAsync();
        var entries = chair.GetByTestId("access-entry").And(chair.Locator("[data-user='daibieu1']"));
        await Expect(entries.And(chair.Locator("[data-kind='downloaded']"))).ToHaveCountAsync(1);
        await Expect(entries.And(chair.Locator("[data-kind='opened']"))).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(chair, "access-log");

        // The chair turns the on-screen watermark on: the delegate's open viewer lays the name over the page, out of the way.
        await chair.GetByTestId($"document-{documentId}").GetByTestId("screen-watermark-toggle").CheckAsync();
        await Expect(delegate1.GetByTestId("screen-watermark")).ToContainTextAsync(name, new() { Timeout = 15_000 });
        await Expect(delegate1.GetByTestId("screen-watermark")).ToHaveCSSAsync("pointer-events", "none");
        await BrowserFixture.ScreenshotAsync(delegate1, "screen-watermark");

        await using (var chairHub = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich"))
        {
            Assert.True((await chairHub.InvokeAsync(nameof(MeetingHub.CloseMeeting), meeting)).Ok);
        }

        await MinutesSigner.SignAndSealAsync(fixture.Server.BaseAddress, meeting);
        await Expect(chair.GetByTestId("archive")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
        var archive = await chair.RunAndWaitForDownloadAsync(() => chair.GetByTestId("download-archive").ClickAsync());
        var zip = Path.Combine(RepositoryPaths.NewTempFolder("e2e-copies"), "archive.zip");
        await archive.SaveAsAsync(zip);

        using (var entriesOf = ZipFile.OpenRead(zip))
        {
            using var summary = JsonDocument.Parse(entriesOf.GetEntry("access-summary.json")!.Open());
            var version = summary.RootElement.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("documentId").GetString() == documentId);
            var person = version.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("userName").GetString() == "daibieu1");
            Assert.Equal(1, person.GetProperty("downloads").GetInt32());
            Assert.True(person.GetProperty("opens").GetInt32() >= 1);
        }

        await using var stream = File.OpenRead(zip);
        var report = ArchiveVerifier.Verify(stream, ArchiveTrust.FromRoot(null));
        Assert.True(report.IsValid, report.Failure);
        Assert.Contains(report.Lines, l => l.StartsWith("access-summary.json: ", StringComparison.Ordinal));
    }
}
