using System.Net;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Vietnamese by default, English from the switch on the sign-in page or from the browser's languages, and a real
/// not-found page (status 404) in the person's language.
/// </summary>
public sealed class LanguageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_switch_on_the_sign_in_page_turns_sign_in_and_home_to_English_and_back()
    {
        var context = await NewContextAsync("vi-VN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(Heading(page)).ToHaveTextAsync("Đăng nhập");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        await page.GetByTestId("language-en").ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("login-submit")).ToHaveTextAsync("Sign in");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-english");

        await page.GetByTestId("login-user").FillAsync("daibieu1");
        await page.GetByTestId("login-password").FillAsync(MeetingHubClient.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(Heading(page)).ToHaveTextAsync("My meetings", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("logout")).ToHaveTextAsync("Sign out");
        await Expect(page.GetByTestId("conclusions-link")).ToHaveTextAsync("Conclusions");
        await BrowserFixture.ScreenshotAsync(page, "home-english");

        await page.GetByTestId("language-vi").ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Cuộc họp của tôi", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("logout")).ToHaveTextAsync("Đăng xuất");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_browser_that_asks_for_English_gets_English_and_an_unknown_address_gets_a_localised_404_page()
    {
        var english = await NewContextAsync("en-US");
        var page = await english.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(Heading(page)).ToHaveTextAsync("Sign in");
        await Expect(page.GetByTestId("language-vi")).ToBeVisibleAsync();

        var missing = await page.GotoAsync("/khong-co-trang-nay");
        Assert.Equal((int)HttpStatusCode.NotFound, missing!.Status);
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Page not found");
        await page.GetByTestId("not-found-home").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/" or "/login");

        var vietnamese = await NewContextAsync("vi-VN");
        var other = await vietnamese.NewPageAsync();
        missing = await other.GotoAsync("/tai-lieu/khong-co/trang");
        Assert.Equal((int)HttpStatusCode.NotFound, missing!.Status);
        await Expect(Heading(other)).ToHaveTextAsync("Không tìm thấy trang");
        await AxeChecks.ExpectNoSeriousViolationsAsync(other, "the not-found page");

        // An API call keeps its plain status answer: the page is for browsers asking for a page.
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var api = await http.GetAsync(new Uri("/api/khong-co", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("not-found", await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await english.CloseAsync();
        await vietnamese.CloseAsync();
    }

    private Task<IBrowserContext> NewContextAsync(string locale) =>
        fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseAddress.ToString(), Locale = locale });

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
