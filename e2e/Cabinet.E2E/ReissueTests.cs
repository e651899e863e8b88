using System.Diagnostics;
using System.Globalization;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// The secretary issues versions 2 and 3 of a document through the upload form; a delegate's highlight (shared) and
/// note (private) follow their text to page 2 of version 2, and are listed under "Cần xem lại" on version 3, which
/// no longer has it. The PDFs are made in the test (SamplePdf), so which text is on which page is known.
/// </summary>
public sealed class ReissueTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "Tờ trình mở rộng đường tỉnh 741";
    private const string Road = "Mở rộng đường tỉnh 741 đoạn qua thị xã Phước Long";
    private const string Cost = "Tổng mức đầu tư dự kiến 1.250 tỷ đồng";
    private const string NoteText = "Cần so sánh với dự toán năm 2025.";

    private static readonly byte[] Version1 = SamplePdf.Create(
        ["Tờ trình phương án đầu tư", Road, Cost, "Nguồn vốn: ngân sách tỉnh và vốn vay ODA"],
        ["Phụ lục: tiến độ thực hiện", "Giai đoạn 1 từ năm 2026 đến năm 2028"]);

    private static readonly byte[] Version2 = SamplePdf.Create(
        ["Tờ trình phương án đầu tư (bản sửa đổi)", "Đã tiếp thu ý kiến của Sở Tài chính và Sở Xây dựng", "Nguồn vốn: ngân sách tỉnh và vốn vay ODA"],
        ["Nội dung chính của phương án", Road, Cost],
        ["Phụ lục: tiến độ thực hiện", "Giai đoạn 1 từ năm 2026 đến năm 2028"]);

    private static readonly byte[] Version3 = SamplePdf.Create(
        ["Tờ trình phương án đầu tư (bản cuối)", "Dự án tạm dừng để rà soát quy hoạch"],
        ["Phụ lục: tiến độ thực hiện", "Giai đoạn 1 từ năm 2027 đến năm 2029"]);

    [Fact]
    public async Task Annotations_move_to_their_text_on_version_2_issued_in_the_browser_and_need_attention_on_version_3_without_it()
    {
        var meeting = await LiveMeetingAsync(fixture, "phien-ban", "daibieu1");
        var secretary = await OpenMeetingAsync(fixture, "thuky", meeting);
        var (documentId, _) = await IssueAsync(secretary, null, Version1, 1);

        var reader = await OpenMeetingAsync(fixture, "daibieu1", meeting);
        await OpenDocumentAsync(reader, documentId);
        await reader.GetByTestId("annotation-shared").CheckAsync();
        await SelectWithMouseAsync(reader, Road);
        await reader.GetByTestId("btn-highlight").ClickAsync();
        var highlighted = reader.Locator("[data-testid^='annotation-'][data-kind='highlight']");
        await Expect(highlighted.GetByTestId("annotation-quote")).ToHaveTextAsync(Road, new() { Timeout = 15_000 });
        var highlight = (await highlighted.GetAttributeAsync("data-testid"))!["annotation-".Length..];
        // Third line of page 1 (baseline 136 pt of 842): the note quotes the line nearest to where it is placed.
        var (note, _) = await AddNoteAsync(reader, 0.2f, 131f / 842, NoteText, shared: false);
        await Expect(reader.GetByTestId($"annotation-{note}").GetByTestId("annotation-quote")).ToHaveTextAsync(Cost);
        foreach (var id in new[] { highlight, note })
        {
            await Expect(reader.GetByTestId($"annotation-{id}")).ToHaveAttributeAsync("data-page", "1");
        }

        // Version 2 has the two lines on page 2.
        var (_, issued) = await IssueAsync(secretary, documentId, Version2, 2);
        await Expect(reader.GetByTestId("newer-version")).ToHaveAttributeAsync("data-latest", "2", Soon);
        Measurements.Record("secretary presses \"Phát hành phiên bản mới\" (v2) → the delegate's viewer offers it", issued.Elapsed);
        await reader.GetByTestId("btn-open-latest").ClickAsync();
        await Expect(reader.GetByTestId("viewer")).ToHaveAttributeAsync("data-version", "2", Soon);
        foreach (var id in new[] { highlight, note })
        {
            var item = reader.GetByTestId("annotations").GetByTestId($"annotation-{id}");
            await Expect(item).ToHaveAttributeAsync("data-version", "2", Soon);
            await Expect(item).ToHaveAttributeAsync("data-page", "2");
        }

        Measurements.Record("secretary presses \"Phát hành phiên bản mới\" (v2) → the delegate's annotations listed on its page 2", issued.Elapsed);
        await Expect(reader.GetByTestId("needs-attention")).ToHaveCountAsync(0);
        await reader.GetByTestId("page-2").ClickAsync();
        await ExpectPageAsync(reader, 2);
        var mark = reader.Locator($".marks [data-annotation-id='{highlight}']").First;
        await Expect(mark).ToBeVisibleAsync();
        await Expect(reader.Locator($".marks [data-annotation-id='{note}']")).ToBeVisibleAsync();
        // The highlight lies on the line it quotes, now the second line of page 2.
        var line = await reader.GetByTestId("viewer-stage").Locator(".textLayer span", new() { HasText = Road }).First.BoundingBoxAsync();
        var drawn = await mark.BoundingBoxAsync();
        Assert.True(line is not null && drawn is not null && Math.Abs(line.Y + line.Height / 2 - (drawn.Y + drawn.Height / 2)) < line.Height,
            $"the highlight ({drawn?.Y}) is not on its line ({line?.Y})");
        await BrowserFixture.ScreenshotAsync(reader, "reissue-version2");

        // Version 3 no longer has the text: both are listed as needing attention, kept on version 2.
        (_, issued) = await IssueAsync(secretary, documentId, Version3, 3);
        await Expect(reader.GetByTestId("newer-version")).ToHaveAttributeAsync("data-latest", "3", Soon);
        await reader.GetByTestId("btn-open-latest").ClickAsync();
        await Expect(reader.GetByTestId("viewer")).ToHaveAttributeAsync("data-version", "3", Soon);
        var attention = reader.GetByTestId("needs-attention");
        await Expect(attention.GetByTestId($"annotation-{highlight}")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Measurements.Record("secretary presses \"Phát hành phiên bản mới\" (v3, text gone) → the delegate sees them under \"Cần xem lại\"", issued.Elapsed);
        await Expect(attention.GetByTestId($"annotation-{highlight}").GetByTestId("annotation-quote")).ToHaveTextAsync(Road);
        await Expect(attention.GetByTestId($"annotation-{note}").GetByTestId("annotation-text")).ToHaveTextAsync(NoteText);
        foreach (var id in new[] { highlight, note })
        {
            await Expect(attention.GetByTestId($"annotation-{id}")).ToHaveAttributeAsync("data-version", "2");
        }

        await reader.GetByTestId("needs-attention").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(reader, "reissue-needs-attention");

        // Choosing one opens the version it is still on, at its page there (page 2 of version 2, not page 1).
        await attention.GetByTestId($"annotation-{note}").GetByTestId("btn-go-annotation").ClickAsync();
        await Expect(reader.GetByTestId("viewer")).ToHaveAttributeAsync("data-version", "2", Soon);
        await ExpectPageAsync(reader, 2);
        await Expect(reader.GetByTestId("viewer")).ToHaveAttributeAsync("data-page", "2");
    }

    /// <summary>
    /// Uploads through the form: a new document (<paramref name="documentId"/> null) or its next version; its id and
    /// a clock started as the button is pressed.
    /// </summary>
    private static async Task<(string Id, Stopwatch SincePressed)> IssueAsync(IPage secretary, string? documentId, byte[] pdf, int number)
    {
        await secretary.GetByTestId("upload-target").SelectOptionAsync(documentId ?? "");
        if (documentId is null)
        {
            await secretary.GetByTestId("upload-title").FillAsync(Title);
        }

        await secretary.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = $"to-trinh-v{number}.pdf", MimeType = "application/pdf", Buffer = pdf,
        });
        await Expect(secretary.GetByTestId("btn-upload")).ToHaveTextAsync(documentId is null ? "Tải lên" : "Phát hành phiên bản mới");
        var pressed = Stopwatch.StartNew();
        await secretary.GetByTestId("btn-upload").ClickAsync();
        await Expect(secretary.GetByTestId("upload-done")).ToContainTextAsync($"phiên bản {number}.", new() { Timeout = 30_000 });
        var row = secretary.Locator($"[data-testid^='document-d'][data-title='{Title}']");
        await Expect(row).ToHaveAttributeAsync("data-versions", number.ToString(CultureInfo.InvariantCulture), Soon);
        return ((await row.GetAttributeAsync("data-testid"))!["document-".Length..], pressed);
    }
}
