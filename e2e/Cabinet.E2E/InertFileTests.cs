using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>What Cabinet serves stays inert in a real browser: a PDF's script never runs, pages break no rule of their own policy.</summary>
public sealed class InertFileTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Opening_the_file_url_of_a_pdf_with_an_open_action_script_shows_no_dialog()
    {
        var id = await DocumentSteps.LiveMeetingAsync(fixture, "inert", "daibieu1");
        using var uploads = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var (_, document, error) = await uploads.UploadAsync(id, ScriptedPdf.Create("app.alert('pwned'); app.alert(document.cookie);"), "Tài liệu có kịch bản");
        Assert.True(document is not null, error?.Code);
        var page = await fixture.SignInAsync("daibieu1");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            await dialog.DismissAsync();
        };

        var url = $"/api/meetings/{id}/documents/{document.DocumentId}/versions/1/file";
        var served = await page.Context.APIRequest.GetAsync(url);
        Assert.Equal(200, served.Status);
        Assert.Equal("sandbox; default-src 'none'", served.Headers["content-security-policy"]);
        try
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load, Timeout = 15_000 });
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("Download is starting", StringComparison.Ordinal) || ex.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
        {
            // A browser that saves instead of showing runs nothing either.
        }

        var (_, viewOnly, _) = await uploads.UploadAsync(id, ScriptedPdf.Create("app.alert('view-only');"), "Chỉ xem trực tuyến", downloadAllowed: false);
        var refused = await page.GotoAsync($"/api/meetings/{id}/documents/{viewOnly!.DocumentId}/versions/1/file");
        Assert.Equal(403, refused!.Status);
        Assert.Contains("documents.download_forbidden", await refused.TextAsync(), StringComparison.Ordinal);

        await page.WaitForTimeoutAsync(3000);
        await BrowserFixture.ScreenshotAsync(page, "inert-pdf-file");
        lock (dialogs)
        {
            Assert.True(dialogs.Count == 0, "dialogs: " + string.Join(" | ", dialogs));
        }
    }

    [Fact]
    public async Task The_meeting_page_and_the_viewer_work_under_the_content_security_policy_without_violations()
    {
        var id = await DocumentSteps.LiveMeetingAsync(fixture, "csp", "daibieu1");
        var documentId = await DocumentSteps.UploadAsync(fixture, id, "ke-hoach-dich-vu-cong-truc-tuyen.pdf", "Kế hoạch");
        var page = await fixture.SignInAsync("daibieu1");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        var response = await page.GotoAsync($"/meetings/{id}");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await Expect(page.GetByTestId("documents")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await DocumentSteps.OpenDocumentAsync(page, documentId);
        await page.GetByTestId("btn-next-page").ClickAsync();
        await DocumentSteps.ExpectPageAsync(page, 2);
        lock (violations)
        {
            Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join("\n", violations));
        }
    }
}
