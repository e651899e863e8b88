using Cabinet.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// /admin in the browser: the administrator turns on and signs in with TOTP, creates a commune, its administrator
/// and a person (with e-mail and phone, corrected on their row), imports people from a CSV with a bad row; the commune's administrator (first sign-in: new password,
/// then enrolment, which their organisation requires) sees only their commune.
/// </summary>
public sealed class AdministrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string CommuneAdminPassword = "Doi-mat-khau-lan-dau-1";

    [Fact]
    public async Task The_administrator_signs_in_with_totp_creates_a_commune_and_its_people_and_the_commune_administrator_sees_only_it()
    {
        var server = fixture.Server.BaseAddress;
        var admin = await fixture.SignInAsync("quantri");

        // Turn on the second factor from /account (optional in the demo province), then sign in again with it.
        await admin.GotoAsync("/account");
        await admin.GetByTestId("enrol-start").ClickAsync();
        var secret = (await admin.GetByTestId("totp-secret").TextContentAsync())!.Trim();
        await Expect(admin.GetByTestId("totp-qr")).ToBeVisibleAsync();
        SecondFactorCodes.Remember(server, "quantri", secret);
        await admin.GetByTestId("enrol-code").FillAsync(await SecondFactorCodes.NextAsync(server, "quantri"));
        await admin.GetByTestId("enrol-confirm").ClickAsync();
        await Expect(admin.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        await BrowserFixture.ScreenshotAsync(admin, "admin-totp-enrolled");

        await admin.GetByTestId("logout").ClickAsync();
        await admin.GetByTestId("login-user").FillAsync("quantri");
        await admin.GetByTestId("login-password").FillAsync(MeetingHubClient.DemoPassword);
        await admin.GetByTestId("login-submit").ClickAsync();
        await admin.GetByTestId("login-code").FillAsync(await SecondFactorCodes.NextAsync(server, "quantri"));
        await admin.GetByTestId("login-code-submit").ClickAsync();
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // A commune under the province.
        await admin.GetByTestId("admin-link").ClickAsync();
        await Expect(admin.GetByTestId("org-tinh")).ToBeVisibleAsync();
        await admin.Locator("[data-testid=org-selected] details summary").ClickAsync();
        await admin.GetByTestId("new-org-id").FillAsync("xa-hoa-binh");
        await admin.GetByTestId("new-org-name").FillAsync("Ủy ban nhân dân xã Hòa Bình");
        await admin.GetByTestId("new-org-submit").ClickAsync();
        await Expect(admin.GetByTestId("org-selected")).ToContainTextAsync("xã Hòa Bình");

        // Its administrator (a temporary password given) and a person (a temporary password generated, shown once).
        await AddPersonAsync(admin, "hoabinh.quantri", "Đặng Văn Quản", "Công chức Văn phòng", "administrator", "Tam-thoi-quan-tri-9");
        await AddPersonAsync(admin, "hoabinh.chutich", "Ngô Thị Hòa", "Chủ tịch UBND xã", "organizer", null, "hoa.nt@hoabinh.gov.vn", "0912 345 678");
        await Expect(admin.GetByTestId("temporary-password")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("person-hoabinh.quantri")).ToContainTextAsync("Quản trị viên");
        await Expect(admin.GetByTestId("email-hoabinh.chutich")).ToHaveValueAsync("hoa.nt@hoabinh.gov.vn");
        await Expect(admin.GetByTestId("phone-hoabinh.chutich")).ToHaveValueAsync("0912345678");

        // Her phone corrected on her row: a wrong number is refused by the same rule and changes nothing.
        await admin.GetByTestId("phone-hoabinh.chutich").FillAsync("12-34");
        await admin.GetByTestId("save-hoabinh.chutich").ClickAsync();
        await Expect(admin.GetByTestId("admin-error")).ToContainTextAsync("Số điện thoại không hợp lệ");
        await Expect(admin.GetByTestId("phone-hoabinh.chutich")).ToHaveValueAsync("0912345678");
        await admin.GetByTestId("phone-hoabinh.chutich").FillAsync("+84 912 000 111");
        await admin.GetByTestId("save-hoabinh.chutich").ClickAsync();
        await Expect(admin.GetByTestId("admin-done")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("phone-hoabinh.chutich")).ToHaveValueAsync("+84912000111");
        await Expect(admin.GetByTestId("email-hoabinh.chutich")).ToHaveValueAsync("hoa.nt@hoabinh.gov.vn");

        // A CSV with a bad row: the others are imported, the bad one reported.
        var csv = Path.Combine(RepositoryPaths.NewTempFolder("admin-csv"), "nguoi-dung.csv");
        await File.WriteAllTextAsync(csv, "userName,displayName,position,role,password\n"
            + "hoabinh.thuky,\"Lý Văn Ký\",\"Công chức, Văn phòng - Thống kê\",organizer,\n"
            + "Sai Ten,Người Sai,,member,\n"
            + "hoabinh.congan,Vũ Văn An,Trưởng Công an xã,member,\n", new System.Text.UTF8Encoding(true));
        await admin.GetByTestId("import-file").SetInputFilesAsync(csv);
        await admin.GetByTestId("import-submit").ClickAsync();
        await Expect(admin.GetByTestId("import-report")).ToContainTextAsync("2 tạo mới, 1 lỗi");
        await Expect(admin.GetByTestId("report-row-3")).ToContainTextAsync("input.invalid");
        await Expect(admin.GetByTestId("person-hoabinh.thuky")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("person-hoabinh.congan")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "admin-csv-import");

        // The commune's administrator: a new password at the first sign-in, then the enrolment their commune requires.
        var commune = await (await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString(), Locale = "vi-VN" })).NewPageAsync();
        await commune.GotoAsync("/login");
        await commune.GetByTestId("login-user").FillAsync("hoabinh.quantri");
        await commune.GetByTestId("login-password").FillAsync("Tam-thoi-quan-tri-9");
        await commune.GetByTestId("login-submit").ClickAsync();
        await commune.GetByTestId("login-password").FillAsync("Tam-thoi-quan-tri-9");
        await commune.GetByTestId("login-new-password").FillAsync(CommuneAdminPassword);
        await commune.GetByTestId("login-submit").ClickAsync();
        await Expect(commune.GetByTestId("totp-qr")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(commune, "admin-commune-enrolment");
        SecondFactorCodes.Remember(server, "hoabinh.quantri", (await commune.GetByTestId("totp-secret").TextContentAsync())!.Trim());
        await commune.GetByTestId("login-code").FillAsync(await SecondFactorCodes.NextAsync(server, "hoabinh.quantri"));
        await commune.GetByTestId("login-code-submit").ClickAsync();
        await Expect(commune.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);

        await commune.GetByTestId("admin-link").ClickAsync();
        await Expect(commune.GetByTestId("org-xa-hoa-binh")).ToBeVisibleAsync();
        await Expect(commune.Locator("[data-testid=org-tree] li")).ToHaveCountAsync(1);
        await Expect(commune.GetByTestId("org-tinh")).ToHaveCountAsync(0);
        await Expect(commune.GetByTestId("person-hoabinh.congan")).ToBeVisibleAsync();
        await commune.GotoAsync("/admin?org=tinh"); // not theirs: the page falls back to their own commune
        await Expect(commune.GetByTestId("org-selected")).ToContainTextAsync("xã Hòa Bình");
        await BrowserFixture.ScreenshotAsync(commune, "admin-commune-view");

        // The commune's meeting rules: a quorum above the whole is refused and changes nothing; valid rules are kept.
        await commune.GetByTestId("rules-quorum-numerator").FillAsync("5");
        await commune.GetByTestId("rules-submit").ClickAsync();
        await Expect(commune.GetByTestId("admin-error")).ToContainTextAsync("Quy chế họp không hợp lệ");
        await Expect(commune.GetByTestId("rules-quorum-numerator")).ToHaveValueAsync("2");
        await commune.GetByTestId("rules-quorum-numerator").FillAsync("1");
        await commune.GetByTestId("rules-quorum-denominator").FillAsync("2");
        await commune.GetByTestId("rules-majority").SelectOptionAsync("customFractionOfMembers");
        await commune.GetByTestId("rules-majority-numerator").FillAsync("3");
        await commune.GetByTestId("rules-majority-denominator").FillAsync("5");
        await commune.GetByTestId("rules-deputies-vote").CheckAsync();
        await commune.GetByTestId("rules-submit").ClickAsync();
        await Expect(commune.GetByTestId("admin-done")).ToBeVisibleAsync();
        await Expect(commune.GetByTestId("rules-quorum-denominator")).ToHaveValueAsync("2");
        await Expect(commune.GetByTestId("rules-majority")).ToHaveValueAsync("customFractionOfMembers");
        await Expect(commune.GetByTestId("rules-majority-numerator")).ToHaveValueAsync("3");
        await Expect(commune.GetByTestId("rules-deputies-vote")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(commune, "admin-meeting-rules");
    }

    private static async Task AddPersonAsync(IPage page, string userName, string displayName, string position, string role, string? password,
        string email = "", string phone = "")
    {
        await page.GetByTestId("person-username").FillAsync(userName);
        await page.GetByTestId("person-email").FillAsync(email);
        await page.GetByTestId("person-phone").FillAsync(phone);
        await page.GetByTestId("person-displayname").FillAsync(displayName);
        await page.GetByTestId("person-position").FillAsync(position);
        await page.GetByTestId("person-role").SelectOptionAsync(role);
        if (password is not null)
        {
            await page.GetByTestId("person-password").FillAsync(password);
        }

        await page.GetByTestId("person-submit").ClickAsync();
        await Expect(page.GetByTestId("import-report")).ToContainTextAsync("1 tạo mới");
    }
}
