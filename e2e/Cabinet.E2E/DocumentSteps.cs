using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>Steps the document browser tests share: a live meeting of their own, opening a document, reading the page shown.</summary>
internal static class DocumentSteps
{
    public static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 15_000 };

    public static string Pdf(string name) => Path.Combine(RepositoryPaths.Fixtures, "pdfs", name);

    public static string Bad(string name) => Path.Combine(RepositoryPaths.Fixtures, "bad", name);

    /// <summary>chutich chairs, thuky is secretary, the given delegates take part; the meeting is live on its first item.</summary>
    public static Task<string> LiveMeetingAsync(BrowserFixture fixture, string prefix, params string[] delegates) =>
        LiveMeetings.StartAsync(fixture, prefix, new MeetingDetails("Phiên họp xem tài liệu", "Phòng họp 2", DateTimeOffset.UtcNow), delegates,
            new AgendaItemInput("Kế hoạch cung cấp dịch vụ công trực tuyến", "Văn phòng UBND tỉnh", 20, ""));

    /// <summary>Uploads through the HTTP endpoint (the UI upload has its own test); returns the document id.</summary>
    public static async Task<string> UploadAsync(BrowserFixture fixture, string meetingId, string file, string title)
    {
        using var uploads = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var (_, document, error) = await uploads.UploadAsync(meetingId, await File.ReadAllBytesAsync(Pdf(file)), title);
        Assert.True(document is not null, error?.Code);
        return document.DocumentId;
    }

    public static async Task<IPage> OpenMeetingAsync(BrowserFixture fixture, string userName, string meetingId, ViewportSize? viewport = null)
    {
        var page = await fixture.SignInAsync(userName, viewport);
        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("documents")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>Opens the document in the viewer and waits until page 1 is drawn.</summary>
    public static async Task OpenDocumentAsync(IPage page, string documentId)
    {
        await page.GetByTestId($"document-{documentId}").GetByTestId("btn-open-document").ClickAsync();
        await Expect(page.GetByTestId("viewer-stage")).ToHaveAttributeAsync("data-rendered-page", "1", Soon);
    }

    public static Task ExpectPageAsync(IPage page, int number) =>
        Expect(page.GetByTestId("viewer-stage")).ToHaveAttributeAsync("data-rendered-page", number.ToString(System.Globalization.CultureInfo.InvariantCulture), Soon);

    /// <summary>Rows of the drawn page canvas that are not white, from a screenshot of the canvas alone.</summary>
    public static async Task<int> InkRowsAsync(IPage page, string name)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots")).FullName, name + ".png");
        await page.GetByTestId("viewer-canvas").ScreenshotAsync(new() { Path = path });
        return PngInk.RowsWithInk(path);
    }

    /// <summary>Drags the mouse across the first text-layer span that contains the text.</summary>
    public static async Task SelectWithMouseAsync(IPage page, string text)
    {
        var span = page.GetByTestId("viewer-stage").Locator(".textLayer span", new() { HasText = text }).First;
        await span.ScrollIntoViewIfNeededAsync();
        var box = await span.BoundingBoxAsync() ?? throw new InvalidOperationException("no text span " + text);
        await page.Mouse.MoveAsync(box.X + 1, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width - 1, box.Y + box.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Places a note at a point of the page (fractions of its size) and saves it; its id and a clock started at the save.</summary>
    public static async Task<(string Id, Stopwatch SinceSave)> AddNoteAsync(IPage page, float x, float y, string text, bool shared)
    {
        var before = await page.Locator("[data-testid^='annotation-'][data-kind='note']").CountAsync();
        await page.GetByTestId("btn-tool-note").ClickAsync();
        var surface = page.GetByTestId("viewer-stage").Locator(".tool-surface");
        await Expect(surface).ToBeVisibleAsync();
        var size = await surface.BoundingBoxAsync();
        await surface.ClickAsync(new() { Position = new() { X = size!.Width * x, Y = size.Height * y } });
        await page.GetByTestId("note-text").FillAsync(text);
        await page.GetByTestId("annotation-shared").SetCheckedAsync(shared);
        var clock = Stopwatch.StartNew();
        await page.GetByTestId("btn-save-note").ClickAsync();
        var notes = page.Locator("[data-testid^='annotation-'][data-kind='note']");
        await Expect(notes).ToHaveCountAsync(before + 1, new() { Timeout = 10_000 });
        await page.GetByTestId("btn-tool-note").ClickAsync();
        await Expect(page.GetByTestId("viewer-stage").Locator(".tool-surface")).ToBeHiddenAsync();
        var created = notes.Filter(new() { Has = page.GetByTestId("annotation-text").GetByText(text, new() { Exact = true }) }).First;
        return ((await created.GetAttributeAsync("data-testid"))!["annotation-".Length..], clock);
    }
}
