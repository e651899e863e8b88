using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// The API reference page (/api-docs) in a real browser: Scalar renders Cabinet's OpenAPI document under the site's
/// content security policy, and the page asks nothing of any other host.
/// </summary>
public sealed class ApiReferenceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_reference_renders_the_document_under_the_CSP_and_asks_no_other_host()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseAddress.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var (violations, elsewhere) = (new List<string>(), new List<string>());
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
        page.PageError += (_, error) =>
        {
            lock (violations)
            {
                violations.Add("page error: " + error);
            }
        };
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http", StringComparison.Ordinal)
                && url.Authority != fixture.Server.BaseAddress.Authority)
            {
                lock (elsewhere)
                {
                    elsewhere.Add(request.Url);
                }
            }
        };

        var response = await page.GotoAsync("/api-docs");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await Expect(page.GetByText("Integration clients").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Cabinet API").First).ToBeVisibleAsync();
        await Expect(page.GetByText("/api/v1/token").First).ToBeAttachedAsync();
        await BrowserFixture.ScreenshotAsync(page, "api-docs");

        lock (violations)
        {
            Assert.True(violations.Count == 0, "CSP violations or page errors:\n" + string.Join("\n", violations));
        }

        lock (elsewhere)
        {
            Assert.True(elsewhere.Count == 0, "requests to other hosts:\n" + string.Join("\n", elsewhere));
        }

        await context.CloseAsync();
    }
}
