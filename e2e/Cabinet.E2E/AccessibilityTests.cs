using Microsoft.Playwright;
using static Cabinet.E2E.DocumentSteps;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// axe finds no serious or critical violation on the sign-in page, home, devices, account, administration and the
/// viewer, and none of the phone-sized pages scrolls sideways at 390×844.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Sign_in_home_devices_account_and_administration_pass_axe_and_fit_a_phone()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseAddress.ToString(), ViewportSize = Phone, Locale = "vi-VN",
        });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/login");
        await AxeChecks.ExpectNoSeriousViolationsAsync(signIn, "sign-in");
        Assert.False(await AxeChecks.ScrollsSidewaysAsync(signIn), "the sign-in page scrolls sideways at 390 px");
        await context.CloseAsync();

        var person = await fixture.SignInAsync("daibieu1", Phone);
        await Expect(person.GetByTestId("my-meetings")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await AxeChecks.ExpectNoSeriousViolationsAsync(person, "home");
        Assert.False(await AxeChecks.ScrollsSidewaysAsync(person), "home scrolls sideways at 390 px");
        await BrowserFixture.ScreenshotAsync(person, "home-phone");

        await person.GotoAsync("/devices");
        await Expect(person.GetByTestId("devices")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await AxeChecks.ExpectNoSeriousViolationsAsync(person, "devices");
        Assert.False(await AxeChecks.ScrollsSidewaysAsync(person), "devices scrolls sideways at 390 px");

        await person.GotoAsync("/account");
        await Expect(person.GetByTestId("sessions")).ToBeVisibleAsync();
        await AxeChecks.ExpectNoSeriousViolationsAsync(person, "account");
        Assert.False(await AxeChecks.ScrollsSidewaysAsync(person), "account scrolls sideways at 390 px");

        var admin = await fixture.SignInAsync("quantri");
        await admin.GotoAsync("/admin");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await AxeChecks.ExpectNoSeriousViolationsAsync(admin, "administration");
    }

    [Fact]
    public async Task The_viewer_on_a_phone_finds_words_typed_without_tone_marks_reads_full_screen_turns_pages_by_key_and_swipe_and_passes_axe()
    {
        var meeting = await LiveMeetingAsync(fixture, "xem-tren-dien-thoai", "daibieu1");
        var documentId = await UploadAsync(fixture, meeting, "ke-hoach-dich-vu-cong-truc-tuyen.pdf", "Kế hoạch dịch vụ công trực tuyến");
        var phone = await OpenMeetingAsync(fixture, "daibieu1", meeting, Phone);
        await OpenDocumentAsync(phone, documentId);

        // Typed without tone marks; the marks cover the original words, with their marks.
        await phone.GetByTestId("search-input").FillAsync("dich vu cong");
        await phone.GetByTestId("btn-search").ClickAsync();
        await Expect(phone.GetByTestId("search-result")).ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"), Soon);
        var marks = phone.GetByTestId("viewer-stage").Locator(".textLayer mark.search-hit.current");
        await Expect(marks).Not.ToHaveCountAsync(0);
        var marked = string.Join(" ", await marks.AllTextContentsAsync()).Normalize(System.Text.NormalizationForm.FormC);
        Assert.Equal("dịch vụ công", System.Text.RegularExpressions.Regex.Replace(marked, @"\s+", " ").Trim().ToLower(new System.Globalization.CultureInfo("vi-VN")));

        await AxeChecks.ExpectNoSeriousViolationsAsync(phone.GetByTestId("viewer"), "the viewer");
        Assert.False(await AxeChecks.ScrollsSidewaysAsync(phone), "the viewer's page scrolls sideways at 390 px");

        // Full-screen reading: the page takes the screen's width; arrow keys on the focused page turn it.
        await phone.GetByTestId("page-1").ClickAsync();
        await ExpectPageAsync(phone, 1);
        await phone.GetByTestId("btn-reading").ClickAsync();
        await Expect(phone.GetByTestId("viewer")).ToHaveAttributeAsync("data-reading", "true");
        await Expect(phone.GetByTestId("viewer-canvas")).ToHaveCountAsync(1);
        // Polled from here: the page's CSP forbids the eval that WaitForFunction's string form needs while it waits.
        var width = 0.0;
        for (var i = 0; i < 100 && width <= 360; i++, await Task.Delay(100))
        {
            width = await phone.EvaluateAsync<double>("() => document.querySelector('[data-testid=viewer-canvas]').getBoundingClientRect().width");
        }

        Assert.True(width > 360, $"the page is {width} px wide in reading mode");
        Assert.False(await AxeChecks.ScrollsSidewaysAsync(phone), "reading mode scrolls sideways at 390 px");
        await phone.GetByTestId("viewer-stage").FocusAsync();
        await phone.Keyboard.PressAsync("ArrowRight");
        await ExpectPageAsync(phone, 2);
        await phone.Keyboard.PressAsync("ArrowLeft");
        await ExpectPageAsync(phone, 1);
        // A one-finger swipe to the left turns to the next page.
        await phone.GetByTestId("viewer-stage").EvaluateAsync("""
            stage => {
              const at = x => new Touch({ identifier: 1, target: stage, clientX: x, clientY: 400 });
              stage.dispatchEvent(new TouchEvent("touchstart", { touches: [at(320)], changedTouches: [at(320)], bubbles: true }));
              stage.dispatchEvent(new TouchEvent("touchend", { touches: [], changedTouches: [at(80)], bubbles: true }));
            }
            """);
        await ExpectPageAsync(phone, 2);
        await AxeChecks.ExpectNoSeriousViolationsAsync(phone.GetByTestId("viewer"), "the viewer reading full screen");
        await phone.ScreenshotAsync(new() { Path = ScreenshotPath("viewer-phone-reading.png") });
        await phone.GetByTestId("btn-reading").ClickAsync();
        await Expect(phone.GetByTestId("viewer")).ToHaveAttributeAsync("data-reading", "false");
        await phone.GetByTestId("viewer").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = ScreenshotPath("viewer-phone-search.png") });
    }

    private static string ScreenshotPath(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Cabinet.Testing.RepositoryPaths.Root, "artifacts", "screenshots")).FullName, name);
}
