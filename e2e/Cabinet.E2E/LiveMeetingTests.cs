using System.Diagnostics;
using Cabinet.Hub;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>The chair runs the agenda in one browser; two delegates in two others follow it live.</summary>
public sealed class LiveMeetingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Meeting = "tinh/phien-thuong-ky-thang-11";
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 5000 };

    [Fact]
    public async Task Delegates_follow_the_chair_and_cannot_move_the_agenda_themselves()
    {
        var chair = await fixture.SignInAsync("chutich");
        var delegate1 = await fixture.SignInAsync("daibieu1");
        var delegate2 = await fixture.SignInAsync("daibieu2", new ViewportSize { Width = 390, Height = 844 });
        IPage[] delegates = [delegate1, delegate2];
        foreach (var page in new[] { chair, delegate1, delegate2 })
        {
            await page.GotoAsync($"/meetings/{Meeting}");
            await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync();
        }

        await Expect(chair.GetByTestId("participant-daibieu1")).ToHaveAttributeAsync("data-online", "true", Soon);
        await Expect(chair.GetByTestId("participant-daibieu2")).ToHaveAttributeAsync("data-online", "true", Soon);
        await Expect(delegate1.GetByTestId("chair-controls")).ToHaveCountAsync(0);
        await Expect(delegate1.GetByTestId("btn-next")).ToHaveCountAsync(0);

        await StepAsync("open", chair.GetByTestId("btn-open"), delegates, "i1");
        await StepAsync("next", chair.GetByTestId("btn-next"), delegates, "i2");
        await StepAsync("next", chair.GetByTestId("btn-next"), delegates, "i3");
        await StepAsync("jump", chair.GetByTestId("btn-jump-i5"), delegates, "i5");
        await StepAsync("previous", chair.GetByTestId("btn-prev"), delegates, "i4");
        await BrowserFixture.ScreenshotAsync(chair, "chair-live");
        await BrowserFixture.ScreenshotAsync(delegate2, "delegate-phone-live");

        await delegate2.ReloadAsync();
        await Expect(delegate2.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i4", Soon);
        await Expect(delegate2.GetByTestId("agenda-item-i4")).ToHaveAttributeAsync("aria-current", "step");

        var version = await chair.GetByTestId("meeting").GetAttributeAsync("data-version");
        var refused = await RawHubCall.InvokeAsync(delegate1, nameof(MeetingHub.NextItem), Meeting);
        Assert.False(refused.GetProperty("result").GetProperty("ok").GetBoolean(), refused.ToString());
        Assert.Equal("auth.forbidden", refused.GetProperty("result").GetProperty("error").GetProperty("code").GetString());

        var allowed = await RawHubCall.InvokeAsync(chair, nameof(MeetingHub.GetSnapshot), Meeting);
        Assert.Equal(version, allowed.GetProperty("result").GetProperty("value").GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(delegate1.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", "i4");
    }

    [Fact]
    public async Task The_secretarys_agenda_changes_appear_on_the_chairs_screen()
    {
        const string draft = "tinh/chuyen-de-chuyen-doi-so";
        var secretary = await fixture.SignInAsync("thuky");
        var chair = await fixture.SignInAsync("chutich");
        await secretary.GotoAsync($"/meetings/{draft}");
        await chair.GotoAsync($"/meetings/{draft}");
        await Expect(chair.GetByTestId("agenda").Locator("li")).ToHaveCountAsync(2);

        await secretary.GetByTestId("agenda-title").FillAsync("Báo cáo an toàn thông tin mạng");
        await secretary.GetByTestId("agenda-presenter").FillAsync("Sở Khoa học và Công nghệ");
        var started = Stopwatch.StartNew();
        await secretary.GetByTestId("agenda-save").ClickAsync();
        await Expect(chair.GetByTestId("agenda-item-i3")).ToContainTextAsync("Báo cáo an toàn thông tin mạng");
        Measurements.Record("agenda item added by the secretary → visible to the chair", started.Elapsed);

        await secretary.GetByTestId("btn-up-i3").ClickAsync();
        await Expect(chair.GetByTestId("agenda").Locator("li").Nth(1)).ToContainTextAsync("an toàn thông tin");
        await secretary.GetByTestId("agenda-title").FillAsync(new string(' ', 3));
        await secretary.GetByTestId("agenda-save").ClickAsync();
        await Expect(secretary.GetByTestId("command-error")).ToHaveAttributeAsync("data-code", "input.invalid");
        await Expect(chair.GetByTestId("agenda").Locator("li")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Vietnamese()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseAddress.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/meetings/{Meeting}");
        await page.GetByTestId("login-user").FillAsync("daibieu3");
        await page.GetByTestId("login-password").FillAsync("khong-dung");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    private static async Task StepAsync(string what, ILocator button, IPage[] delegates, string expectedItem)
    {
        var started = Stopwatch.StartNew();
        await button.ClickAsync();
        foreach (var page in delegates)
        {
            await Expect(page.GetByTestId("current-item")).ToHaveAttributeAsync("data-item-id", expectedItem, Soon);
        }

        Measurements.Record($"chair {what} → both delegates show {expectedItem}", started.Elapsed);
    }
}
