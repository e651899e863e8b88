using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>Sessions the server ends reach the browser: an open page lands on the sign-in page.</summary>
public sealed class AccountSessionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly PageWaitForURLOptions WithinARevalidation = new() { Timeout = 30_000 };

    [Fact]
    public async Task Disabling_a_person_sends_their_open_page_to_the_sign_in_page()
    {
        var page = await fixture.SignInAsync("daibieu6");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cuộc họp của tôi" })).ToBeVisibleAsync();

        await AdministerAsync("daibieu6", "disable");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login", WithinARevalidation);
        await page.GetByTestId("login-user").FillAsync("daibieu6");
        await page.GetByTestId("login-password").FillAsync(MeetingHubClient.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("vô hiệu hóa");
        await AdministerAsync("daibieu6", "enable");
    }

    [Fact]
    public async Task Signing_out_everywhere_from_the_account_page_ends_the_other_browsers_session()
    {
        var laptop = await fixture.SignInAsync("daibieu5");
        var phone = await fixture.SignInAsync("daibieu5", new ViewportSize { Width = 390, Height = 844 });

        await laptop.GotoAsync("/account");
        Assert.True(await laptop.Locator("[data-testid=sessions] li").CountAsync() >= 2);
        await laptop.GetByTestId("end-all").ClickAsync();

        await laptop.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login", WithinARevalidation);
    }

    private Task AdministerAsync(string userName, string action) => AdminApi.AdministerAsync(fixture.Server.BaseAddress, userName, action);
}
