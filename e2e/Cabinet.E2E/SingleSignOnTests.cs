using System.Text.Json;
using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// Single sign-on against a real OpenID provider (tests/Cabinet.OidcProvider, OpenIddict: authorization code + PKCE)
/// that this class starts beside its own Cabinet: the provider's person is matched to a seeded account by
/// preferred_username; someone Cabinet does not know is refused.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnTests.ProviderAndCabinet fixture) : IClassFixture<SingleSignOnTests.ProviderAndCabinet>
{
    private const string ProviderName = "Cổng định danh tỉnh";

    [Fact]
    public async Task A_person_known_to_Cabinet_signs_in_at_the_provider_and_gets_an_ordinary_session()
    {
        var page = await fixture.NewPageAsync();
        await SignInAtProviderAsync(page, "daibieu3");

        await page.WaitForURLAsync(url => url.StartsWith(fixture.Cabinet.BaseAddress.ToString(), StringComparison.Ordinal) && new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cuộc họp của tôi" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).Not.ToBeEmptyAsync();
        await page.GotoAsync("/account");
        await Expect(page.Locator("[data-testid=sessions] li")).ToHaveCountAsync(1);
        Assert.Contains(await AuditDetailsAsync("auth.sign_in", "daibieu3"), d => d.Contains("single sign-on by preferred_username", StringComparison.Ordinal));

        // The session is Cabinet's own: signing out ends it like a password sign-in's.
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
    }

    [Fact]
    public async Task Someone_without_a_Cabinet_account_is_refused_with_a_clear_message()
    {
        var page = await fixture.NewPageAsync();
        await SignInAtProviderAsync(page, "nguoi.la");

        await page.WaitForURLAsync(url => url.StartsWith(fixture.Cabinet.BaseAddress.ToString(), StringComparison.Ordinal) && new Uri(url).AbsolutePath == "/login");
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("không khớp với người dùng nào của Cabinet");
        Assert.Contains(await AuditDetailsAsync("auth.sign_in_failed"), d => d.Contains("no account for preferred_username=nguoi.la (auth.sso_no_account)", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
    }

    [Fact]
    public async Task A_disabled_account_is_refused_even_when_the_provider_vouches_for_it()
    {
        await AdminApi.AdministerAsync(fixture.Cabinet.BaseAddress, "daibieu4", "disable");
        var page = await fixture.NewPageAsync();
        await SignInAtProviderAsync(page, "daibieu4");

        await page.WaitForURLAsync(url => url.StartsWith(fixture.Cabinet.BaseAddress.ToString(), StringComparison.Ordinal) && new Uri(url).AbsolutePath == "/login");
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("vô hiệu hóa");
        await AdminApi.AdministerAsync(fixture.Cabinet.BaseAddress, "daibieu4", "enable");
    }

    [Fact]
    public async Task An_administrator_whose_organisation_requires_the_second_factor_is_sent_to_the_password_and_code()
    {
        // One token for the whole test: once the policy asks quantri a code, a new token would need it too.
        var token = await MeetingHubClient.GetTokenAsync(fixture.Cabinet.BaseAddress, "quantri");
        await SetProvincePolicyAsync(token, "administrators");
        try
        {
            var page = await fixture.NewPageAsync();
            await SignInAtProviderAsync(page, "quantri");

            await page.WaitForURLAsync(url => url.StartsWith(fixture.Cabinet.BaseAddress.ToString(), StringComparison.Ordinal) && new Uri(url).AbsolutePath == "/login");
            await Expect(page.GetByTestId("login-error")).ToContainTextAsync("cần xác thực hai lớp");
        }
        finally
        {
            await SetProvincePolicyAsync(token, "optional");
        }
    }

    private async Task SetProvincePolicyAsync(string token, string policy)
    {
        using var response = await AdminApi.SendAsync(fixture.Cabinet.BaseAddress, HttpMethod.Put, "/api/admin/organizations/tinh/second-factor", token, new { policy });
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<string>> AuditDetailsAsync(string kind, string? actor = null)
    {
        using var response = await AdminApi.SendAsync(fixture.Cabinet.BaseAddress, HttpMethod.Get, $"/api/admin/audit?kind={kind}" + (actor is null ? "" : $"&actor={actor}"));
        using var json = JsonDocument.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("detail").GetString() ?? "")];
    }

    private static async Task SignInAtProviderAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await Expect(page.GetByTestId("login-sso")).ToHaveTextAsync($"Đăng nhập bằng {ProviderName}");
        await page.GetByTestId("login-sso").ClickAsync();
        await Expect(page.GetByTestId("provider-user")).ToBeVisibleAsync();
        Assert.Equal("daibieu3", await page.GetByTestId("provider-user").InputValueAsync());
        await page.GetByTestId("provider-user").FillAsync(user);
        await page.GetByTestId("provider-sign-in").ClickAsync();
    }

    /// <summary>The provider first (Cabinet reads its discovery document), then Cabinet on the port the provider redirects to.</summary>
    public sealed class ProviderAndCabinet : IAsyncLifetime
    {
        private HeadlessChromium? _chromium;

        public OidcProvider Provider { get; private set; } = default!;

        public CabinetServer Cabinet { get; private set; } = default!;

        public async ValueTask InitializeAsync()
        {
            var port = FreePort.Next();
            Provider = await OidcProvider.StartAsync(port, user: "daibieu3");
            Cabinet = await CabinetServer.StartAsync(new CabinetServerOptions { Port = port, ExtraArguments = Provider.CabinetArguments(ProviderName) });
            _chromium = await HeadlessChromium.LaunchAsync();
        }

        /// <summary>A new browser context (no cookies) on Cabinet.</summary>
        public async Task<IPage> NewPageAsync()
        {
            var context = await _chromium!.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Cabinet.BaseAddress.ToString(), Locale = "vi-VN" });
            return await context.NewPageAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_chromium is not null)
            {
                await _chromium.DisposeAsync();
            }

            if (Cabinet is not null)
            {
                await Cabinet.DisposeAsync();
            }

            if (Provider is not null)
            {
                await Provider.DisposeAsync();
            }
        }
    }
}
