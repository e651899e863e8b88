using System.Collections.Immutable;
using System.Diagnostics;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Delegate 1 highlights selected text and shares a note; delegate 2 sees both live. A private note never reaches
/// delegate 2, not even after a reload; a note with a script tag is shown as text and runs nothing. A stroke drawn
/// with the mouse and shared reaches delegate 2 as ink, stored as page fractions.
/// </summary>
public sealed class AnnotationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Script = "<script>window.__pwned=1</script>";

    [Fact]
    public async Task Shared_annotations_reach_the_other_delegate_live_private_ones_never_and_note_text_stays_text()
    {
        var (meeting, documentId, author, reader) = await TwoDelegatesReadingAsync("chu-thich");

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

    [Fact]
    public async Task A_shared_freehand_stroke_drawn_with_the_mouse_appears_on_the_other_delegates_page()
    {
        var (meeting, documentId, author, reader) = await TwoDelegatesReadingAsync("net-ve");

        await author.GetByTestId("annotation-shared").CheckAsync();
        await author.GetByTestId("btn-tool-ink").ClickAsync();
        var surface = author.GetByTestId("viewer-stage").Locator(".tool-surface");
        await Expect(surface).ToBeVisibleAsync();
        await surface.ScrollIntoViewIfNeededAsync();
        var box = await surface.BoundingBoxAsync() ?? throw new InvalidOperationException("no drawing surface");
        // A zigzag under the title, drawn as a person would: press, move in small steps, release.
        await author.Mouse.MoveAsync(box.X + box.Width * 0.2f, box.Y + box.Height * 0.3f);
        await author.Mouse.DownAsync();
        for (var i = 1; i <= 6; i++)
        {
            await author.Mouse.MoveAsync(box.X + box.Width * (0.2f + 0.1f * i), box.Y + box.Height * (i % 2 == 0 ? 0.3f : 0.36f), new() { Steps = 5 });
        }

        await author.Mouse.UpAsync();
        await Expect(author.GetByTestId("viewer-stage").Locator(".pending-ink polyline")).ToHaveCountAsync(1);
        var saved = Stopwatch.StartNew();
        await author.GetByTestId("btn-save-ink").ClickAsync();
        var inked = author.Locator("[data-testid^='annotation-'][data-kind='ink']");
        await Expect(inked).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(inked).ToHaveAttributeAsync("data-shared", "true");
        var ink = (await inked.GetAttributeAsync("data-testid"))!["annotation-".Length..];

        var seen = reader.Locator($".marks polyline[data-annotation-id='{ink}']");
        await Expect(seen).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(seen).ToBeVisibleAsync();
        Measurements.Record("delegate saves a shared ink stroke → another delegate's page draws it", saved.Elapsed);
        await Expect(reader.GetByTestId($"annotation-{ink}")).ToHaveAttributeAsync("data-kind", "ink");
        var drawn = (await seen.GetAttributeAsync("points") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(drawn.Length >= 10, $"the other delegate's stroke has {drawn.Length} points");
        // Where it is drawn: inside the band the author drew in (screen positions of the reader's own page).
        var readerPage = await reader.GetByTestId("viewer-stage").Locator(".pdf-page").BoundingBoxAsync();
        var stroke = await seen.BoundingBoxAsync();
        Assert.True(readerPage is not null && stroke is not null, "no page or stroke box");
        Assert.InRange((stroke.Y - readerPage.Y) / readerPage.Height, 0.27, 0.33);
        Assert.InRange((stroke.X + stroke.Width - readerPage.X) / readerPage.Width, 0.75, 0.83);
        await reader.GetByTestId("viewer-stage").ScrollIntoViewIfNeededAsync();
        await reader.GetByTestId("viewer-stage").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "ink-reader.png") });

        // Stored as the author drew it, in page fractions.
        await using var client = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu2");
        var listed = await client.ListAnnotationsAsync(meeting, documentId);
        var stored = Assert.Single(listed.Value, a => a.AnnotationId == ink);
        Assert.Equal(AnnotationKind.Ink, stored.Kind);
        var strokes = stored.Ink ?? throw new InvalidOperationException("an ink annotation without strokes");
        var points = Assert.Single(strokes);
        Assert.True(points.Length >= 20 && points.Length % 2 == 0, $"{points.Length} coordinates stored");
        Assert.All(points, v => Assert.InRange(v, 0, 1));
        var xs = points.Where((_, i) => i % 2 == 0).ToArray();
        var ys = points.Where((_, i) => i % 2 == 1).ToArray();
        Assert.InRange(xs.Min(), 0.19, 0.21);
        Assert.InRange(xs.Max(), 0.79, 0.81);
        Assert.InRange(ys.Min(), 0.29, 0.31);
        Assert.InRange(ys.Max(), 0.35, 0.37);
        var bounds = Assert.Single(stored.Anchor.Rects);
        Assert.True(bounds.X >= 0 && bounds.Y >= 0 && bounds.X + bounds.Width <= 1 && bounds.Y + bounds.Height <= 1, $"bounds {bounds}");
    }

    /// <summary>A live meeting of its own with the TraceMonkey paper: daibieu1 (the author) and daibieu2 (the reader) have it open.</summary>
    private async Task<(string Meeting, string DocumentId, IPage Author, IPage Reader)> TwoDelegatesReadingAsync(string prefix)
    {
        var meeting = await LiveMeetingAsync(fixture, prefix, "daibieu1", "daibieu2");
        var documentId = await UploadAsync(fixture, meeting, "tracemonkey.pdf", "Báo cáo kỹ thuật TraceMonkey");
        var author = await OpenMeetingAsync(fixture, "daibieu1", meeting);
        var reader = await OpenMeetingAsync(fixture, "daibieu2", meeting);
        await OpenDocumentAsync(author, documentId);
        await OpenDocumentAsync(reader, documentId);
        return (meeting, documentId, author, reader);
    }
}
