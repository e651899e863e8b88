using System.Diagnostics;
using Cabinet.Documents;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// The secretary uploads through the browser; each bad file is refused with its message and changes nothing; the viewer
/// draws the page, searches, turns pages, and fits a phone screen.
/// </summary>
public sealed class DocumentViewerTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_secretary_uploads_a_PDF_the_viewer_renders_searches_and_turns_pages_and_a_bad_file_is_refused()
    {
        var meeting = await LiveMeetingAsync(fixture, "tai-lieu", "daibieu1");
        var secretary = await OpenMeetingAsync(fixture, "thuky", meeting);
        await secretary.GetByTestId("upload-title").FillAsync("Kế hoạch dịch vụ công trực tuyến");
        await secretary.GetByTestId("upload-file").SetInputFilesAsync(Pdf("ke-hoach-dich-vu-cong-truc-tuyen.pdf"));
        var uploaded = Stopwatch.StartNew();
        await secretary.GetByTestId("btn-upload").ClickAsync();
        await Expect(secretary.GetByTestId("upload-done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Measurements.Record("secretary uploads a 23-page PDF in the browser → stored and listed", uploaded.Elapsed);
        await Expect(secretary.GetByTestId("documents")).ToHaveAttributeAsync("data-count", "1", Soon);

        // Every bad file, one after another in the same form: its own message and code, and the list stays as it was.
        var refusals = new Dictionary<string, DocumentError>
        {
            ["empty.pdf"] = DocumentErrors.Empty,
            ["garbage-after-header.pdf"] = DocumentErrors.Damaged,
            ["html-named.pdf"] = DocumentErrors.NotPdf,
            ["image-named.pdf"] = DocumentErrors.NotPdf,
            ["truncated.pdf"] = DocumentErrors.Damaged,
        };
        Assert.Equal(refusals.Keys, Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, "bad")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        foreach (var (file, refusal) in refusals)
        {
            await secretary.GetByTestId("upload-file").SetInputFilesAsync(Bad(file));
            // Choosing a file clears the previous refusal, so the one below is this file's.
            await Expect(secretary.GetByTestId("upload-error")).ToHaveCountAsync(0);
            await secretary.GetByTestId("btn-upload").ClickAsync();
            await Expect(secretary.GetByTestId("upload-error")).ToHaveAttributeAsync("data-code", refusal.Code, Soon);
            await Expect(secretary.GetByTestId("upload-error")).ToHaveTextAsync(refusal.Message);
            await Expect(secretary.GetByTestId("upload-done")).ToHaveCountAsync(0);
            await Expect(secretary.GetByTestId("documents")).ToHaveAttributeAsync("data-count", "1");
            await Expect(secretary.Locator("[data-testid^='document-d']")).ToHaveCountAsync(1);
        }

        await BrowserFixture.ScreenshotAsync(secretary, "documents-bad-upload");

        var delegate1 = await OpenMeetingAsync(fixture, "daibieu1", meeting);
        var documentId = await delegate1.Locator("[data-testid^='document-d']").First.GetAttributeAsync("data-testid") is { } testId ? testId["document-".Length..] : "";
        var opened = Stopwatch.StartNew();
        await OpenDocumentAsync(delegate1, documentId);
        Measurements.Record("delegate opens a document → page 1 drawn", opened.Elapsed);
        Assert.True(await InkRowsAsync(delegate1, "viewer-canvas-page1") > 40, "the first page looks blank");

        await delegate1.GetByTestId("search-input").FillAsync("dịch vụ công");
        await delegate1.GetByTestId("btn-search").ClickAsync();
        await Expect(delegate1.GetByTestId("search-result")).ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"), Soon);
        // Only the matched characters are marked, not the whole line they are on.
        Assert.Equal("dịch vụ công", await CurrentHitAsync(delegate1));
        await delegate1.GetByTestId("btn-search-next").ClickAsync();
        await Expect(delegate1.GetByTestId("search-result")).ToContainTextAsync("2/");
        Assert.Equal("dịch vụ công", await CurrentHitAsync(delegate1));
        await delegate1.GetByTestId("viewer-stage").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "viewer-search.png") });

        await delegate1.GetByTestId("page-1").ClickAsync();
        await ExpectPageAsync(delegate1, 1);
        await delegate1.GetByTestId("btn-next-page").ClickAsync();
        await ExpectPageAsync(delegate1, 2);
        await delegate1.GetByTestId("page-input").FillAsync("7");
        await delegate1.GetByTestId("btn-go-page").ClickAsync();
        await ExpectPageAsync(delegate1, 7);
        await Expect(delegate1.GetByTestId("viewer")).ToHaveAttributeAsync("data-page", "7");
        var fitted = await delegate1.GetByTestId("viewer-stage").GetAttributeAsync("data-scale") ?? "";
        await delegate1.GetByTestId("btn-zoom-in").ClickAsync();
        await Expect(delegate1.GetByTestId("viewer-stage")).Not.ToHaveAttributeAsync("data-scale", fitted, Soon);
        await BrowserFixture.ScreenshotAsync(delegate1, "viewer-desktop");

        var phone = await OpenMeetingAsync(fixture, "daibieu1", meeting, new ViewportSize { Width = 375, Height = 812 });
        await OpenDocumentAsync(phone, documentId);
        var canvas = await phone.GetByTestId("viewer-canvas").BoundingBoxAsync();
        Assert.NotNull(canvas);
        Assert.True(canvas.Width is > 250 and <= 375, $"the page is {canvas.Width} px wide on a 375 px screen");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 375"), "the page scrolls sideways on a phone");
        Assert.True(await InkRowsAsync(phone, "viewer-canvas-phone") > 40, "the page looks blank on a phone");
        await phone.GetByTestId("viewer").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "viewer-phone.png") });
    }

    /// <summary>The text of the current hit's marks (one per text-layer span it crosses), lower case, spaces collapsed.</summary>
    private static async Task<string> CurrentHitAsync(IPage page)
    {
        var marks = page.GetByTestId("viewer-stage").Locator(".textLayer mark.search-hit.current");
        await Expect(marks).Not.ToHaveCountAsync(0);
        var text = string.Join(" ", await marks.AllTextContentsAsync()).Normalize(System.Text.NormalizationForm.FormC);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim().ToLower(new System.Globalization.CultureInfo("vi-VN"));
    }
}
