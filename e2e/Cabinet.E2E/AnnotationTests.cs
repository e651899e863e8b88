using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Delegate 1 highlights selected text and shares a note; delegate 2 sees both live. A private note never reaches
/// delegate 2, not even after a reload; a note with a script tag is shown as text and runs nothing.
/// </summary>
public sealed class AnnotationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Script = "<script>window.__pwned=1</script>";

    [Fact]
    public async Task Shared_annotations_reach_the_other_delegate_live_private_ones_never_and_note_text_stays_text()
    {
        var meeting = await LiveMeetingAsync(fixture, "chu-thich", "daibieu1", "daibieu2");
        var documentId = await UploadAsync(fixture, meeting, "tracemonkey.pdf", "Báo cáo kỹ thuật TraceMonkey");
        var author = await OpenMeetingAsync(fixture, "daibieu1", meeting);
        var reader = await OpenMeetingAsync(fixture, "daibieu2", meeting);
        await OpenDocumentAsync(author, documentId);
        await OpenDocumentAsync(reader, documentId);

        // A highlight on text selected with the mouse, shared with the meeting.
        await author.GetByTestId("annotation-shared").CheckAsync();
        await SelectWithMouseAsync(author, "Trace-based");
        await author.GetByTestId("btn-highlight").ClickAsync();
        var highlight = author.Locator("[data-testid^='annotation-'][data-kind='highlight']");
        await Expect(highlight).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(highlight.GetByTestId("annotation-quote")).ToContainTextAsync("Trace-based");
        var highlightId = (await highlight.GetAttributeAsync("data-testid"))!["annotation-".Length..];
        await Expect(reader.Locator($".marks [data-annotation-id='{highlightId}']").First).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // A shared note: the time from saving it to the other delegate seeing it is measured, not asserted.
        var (note, seen) = await AddNoteAsync(author, 0.5f, 0.4f, "Đề nghị làm rõ số liệu hiệu năng ở mục 6.", shared: true);
        await Expect(reader.GetByTestId($"annotation-{note}").GetByTestId("annotation-text")).ToHaveTextAsync("Đề nghị làm rõ số liệu hiệu năng ở mục 6.", new() { Timeout = 10_000 });
        Measurements.Record("delegate saves a shared note → another delegate sees it", seen.Elapsed);
        await Expect(reader.GetByTestId($"annotation-{note}")).ToHaveAttributeAsync("data-mine", "false");
        await Expect(reader.GetByTestId($"annotation-{note}").GetByTestId("btn-delete-annotation")).ToHaveCountAsync(0);
        await Expect(reader.Locator($".marks [data-annotation-id='{note}']")).ToBeVisibleAsync();

        // A private note stays with its author.
        var (secret, _) = await AddNoteAsync(author, 0.3f, 0.3f, "Ghi chú riêng: chưa đồng ý phương án.", shared: false);
        var (inert, _) = await AddNoteAsync(author, 0.7f, 0.35f, Script, shared: true);
        await Expect(reader.GetByTestId($"annotation-{inert}").GetByTestId("annotation-text")).ToHaveTextAsync(Script, new() { Timeout = 10_000 });
        await Expect(reader.GetByTestId($"annotation-{secret}")).ToHaveCountAsync(0);
        await Expect(reader.GetByTestId("annotations")).Not.ToContainTextAsync("Ghi chú riêng");
        await BrowserFixture.ScreenshotAsync(reader, "annotations-reader");
        await BrowserFixture.ScreenshotAsync(author, "annotations-author");

        await reader.ReloadAsync();
        await OpenDocumentAsync(reader, documentId);
        await Expect(reader.GetByTestId($"annotation-{note}")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(reader.GetByTestId($"annotation-{highlightId}")).ToBeVisibleAsync();
        await Expect(reader.GetByTestId($"annotation-{secret}")).ToHaveCountAsync(0);
        await Expect(reader.GetByTestId("annotations")).Not.ToContainTextAsync("Ghi chú riêng");
        await Expect(reader.GetByTestId($"annotation-{inert}").GetByTestId("annotation-text")).ToHaveTextAsync(Script);
        foreach (var page in new[] { author, reader })
        {
            Assert.True(await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'"), "a note's text ran as script");
        }

        // The author still has the private note after a reload, and can stop sharing a shared one.
        await author.ReloadAsync();
        await OpenDocumentAsync(author, documentId);
        await Expect(author.GetByTestId($"annotation-{secret}")).ToHaveAttributeAsync("data-shared", "false", Soon);
        await author.GetByTestId($"annotation-{note}").GetByTestId("btn-share-annotation").ClickAsync();
        await Expect(reader.GetByTestId($"annotation-{note}")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }
}
