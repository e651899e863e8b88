using Cabinet.Testing;
using Microsoft.Playwright;

namespace Cabinet.E2E;

/// <summary>
/// A real Cabinet process with fresh demo data and Debian's Chromium driven by Playwright (never a downloaded
/// browser). Each person in a test gets their own browser context, so their cookies and sessions are separate.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private HeadlessChromium? _chromium;

    public CabinetServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath => HeadlessChromium.ExecutablePath;

    public async ValueTask InitializeAsync()
    {
        Server = await CabinetServer.StartAsync();
        _chromium = await HeadlessChromium.LaunchAsync();
        Browser = _chromium.Browser;
    }

    /// <summary>Stops Cabinet under the open pages, runs <paramref name="whileDown"/>, and starts it again on the same data and address.</summary>
    public async Task RestartServerAsync(Func<Task> whileDown)
    {
        await Server.StopAsync();
        await whileDown();
        Server = await Server.StartAgainAsync();
    }

    /// <summary>A signed-in person in their own browser context, on "my meetings".</summary>
    public async Task<IPage> SignInAsync(string userName, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("login-user").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(MeetingHubClient.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        }
        catch (TimeoutException ex)
        {
            await ScreenshotAsync(page, $"sign-in-failed-{userName}");
            var body = await page.ContentAsync();
            throw new TimeoutException($"Sign-in of {userName} did not reach the home page; at {page.Url}:\n{body[..Math.Min(body.Length, 3000)]}", ex);
        }

        return page;
    }

    /// <summary>Saves a screenshot under artifacts/screenshots for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
