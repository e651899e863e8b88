using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cabinet.E2E;

/// <summary>
/// The secretary drafts, the chair approves live, the chair closes; the secretary then the chair sign the minutes in
/// their own browsers with their own device keys, the secretary applies the seal as clerk, and every participant gets
/// the signed record.
/// </summary>
public sealed class ClosingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_conclusion_is_approved_live_and_after_closing_the_people_named_sign_on_their_devices_and_everyone_downloads_the_archive()
    {
        await MinutesSigner.SetReviewHoursAsync(fixture.Server.BaseAddress, 0);
        var id = await LiveMeetingAsync();
        var chair = await OpenAsync("chutich", id, registerDevice: true);
        var secretary = await OpenAsync("thuky", id, registerDevice: true);
        var delegate1 = await OpenAsync("daibieu5", id);

        await secretary.GetByTestId("conclusion-text").FillAsync("Thống nhất ban hành Kế hoạch chuyển đổi số năm 2027.\nGiao Sở Khoa học và Công nghệ chủ trì triển khai.");
        var started = Stopwatch.StartNew();
        await secretary.GetByTestId("btn-save-conclusion").ClickAsync();
        await Expect(chair.GetByTestId("conclusion-draft")).ToContainTextAsync("Giao Sở Khoa học và Công nghệ", new() { Timeout = 10_000 });
        Measurements.Record("secretary saves a draft conclusion → the chair sees it", started.Elapsed);
        await Expect(delegate1.GetByTestId("conclusion-draft")).ToHaveCountAsync(0);
        await Expect(delegate1.GetByTestId("conclusion-approved")).ToHaveCountAsync(0);

        await chair.GetByTestId("btn-approve-conclusion").ClickAsync();
        await Expect(delegate1.GetByTestId("conclusion-approved")).ToContainTextAsync("Thống nhất ban hành", new() { Timeout = 10_000 });

        await chair.GetByTestId("btn-close").ClickAsync();
        await chair.GetByTestId("btn-close-confirm").ClickAsync();
        started.Restart();
        await Expect(delegate1.GetByTestId("minutes-draft")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Measurements.Record("chair closes → draft minutes on every screen", started.Elapsed);
        await Expect(delegate1.GetByTestId("minutes")).ToHaveAttributeAsync("data-step", "signing", new() { Timeout = 60_000 });
        await Expect(chair.GetByTestId("btn-minutes-sign")).ToHaveCountAsync(0); // the secretary signs first
        await secretary.GetByTestId("btn-minutes-sign").ClickAsync();
        await Expect(delegate1.GetByTestId("minutes-signatory-thuky")).ToHaveAttributeAsync("data-signed", "true", new() { Timeout = 10_000 });
        await chair.GetByTestId("btn-minutes-sign").ClickAsync();
        await Expect(delegate1.GetByTestId("minutes-signatory-chutich")).ToHaveAttributeAsync("data-signed", "true", new() { Timeout = 10_000 });
        await Expect(delegate1.GetByTestId("btn-minutes-seal")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(secretary, "minutes-signed-awaiting-seal");
        started.Restart();
        await secretary.GetByTestId("btn-minutes-seal").ClickAsync();
        foreach (var page in new[] { chair, secretary, delegate1 })
        {
            await Expect(page.GetByTestId("archive")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
        }

        Measurements.Record("clerk seals the signed minutes → sealed archive ready on every screen", started.Elapsed);
        await BrowserFixture.ScreenshotAsync(delegate1, "delegate-archive-ready");
        var folder = RepositoryPaths.NewTempFolder("e2e-minutes");
        foreach (var (page, name) in new[] { (chair, "chutich"), (secretary, "thuky"), (delegate1, "daibieu5") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-archive").ClickAsync());
            var path = Path.Combine(folder, $"{name}.zip");
            await download.SaveAsAsync(path);
            Assert.True(new FileInfo(path).Length > 1000);
        }

        var minutes = await delegate1.RunAndWaitForDownloadAsync(() => delegate1.GetByTestId("download-minutes").ClickAsync());
        var pdf = Path.Combine(folder, "minutes.pdf");
        await minutes.SaveAsAsync(pdf);
        var png = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots", "minutes-page1");
        var rendered = Tool.Run("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, png);
        Assert.Equal(0, rendered.ExitCode);
        Assert.True(PngInk.RowsWithInk(png + ".png") > 40, "page 1 of the minutes looks blank");
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "chutich.zip")), File.ReadAllBytes(Path.Combine(folder, "daibieu5.zip")));
        await AssertSignedByTheirDevicesAsync(pdf, folder);

        // Anyone can drop the archive on the verify page; a changed byte is caught there too.
        await delegate1.GotoAsync("/verify");
        await delegate1.GetByTestId("verify-file").SetInputFilesAsync(Path.Combine(folder, "daibieu5.zip"));
        await Expect(delegate1.GetByTestId("verify-report")).ToHaveAttributeAsync("data-valid", "true", new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(delegate1, "verify-page");
        var bytes = File.ReadAllBytes(Path.Combine(folder, "thuky.zip"));
        bytes[bytes.Length / 2] ^= 0x01;
        await delegate1.GetByTestId("verify-file").SetInputFilesAsync(new FilePayload { Name = "sua-doi.zip", MimeType = "application/zip", Buffer = bytes });
        await Expect(delegate1.GetByTestId("verify-report")).ToHaveAttributeAsync("data-valid", "false", new() { Timeout = 20_000 });
    }

    private Task<string> LiveMeetingAsync() => LiveMeetings.StartAsync(fixture, "ket-luan",
        new MeetingDetails("Phiên họp thông qua kế hoạch", "Phòng họp 4", DateTimeOffset.UtcNow), ["daibieu5"],
        new AgendaItemInput("Kế hoạch chuyển đổi số năm 2027", "Sở Khoa học và Công nghệ", 20, ""));

    /// <summary>
    /// pdfsig (the test root in an NSS database) finds three valid, trusted signatures — secretary, chair, organisation —
    /// and the two personal ones carry the certificates of the keys the browsers made (the server never held them).
    /// </summary>
    private async Task AssertSignedByTheirDevicesAsync(string pdf, string folder)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllTextAsync(root, await http.GetStringAsync(new Uri("/api/pki/root.pem", UriKind.Relative)));
        var nss = Directory.CreateDirectory(Path.Combine(folder, "nss")).FullName;
        Assert.Equal(0, Tool.Run("certutil", "-N", "-d", $"sql:{nss}", "--empty-password").ExitCode);
        Assert.Equal(0, Tool.Run("certutil", "-A", "-d", $"sql:{nss}", "-n", "cabinet-ca", "-t", "CT,C,C", "-i", root).ExitCode);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", $"sql:{nss}", pdf);
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName, "pdfsig-minutes-devices.txt"),
            pdfsig.Output, TestContext.Current.CancellationToken);
        Assert.Equal(3, pdfsig.Output.Split("Signature is Valid.").Length - 1);
        Assert.True(pdfsig.Output.Split("Certificate is Trusted.").Length - 1 == 3, pdfsig.Output);
        Assert.Matches("(?s)ThuKy.*ChuToa.*CoQuan", pdfsig.Output);

        // The CMS sits in /Contents as upper-case hex, the signer's certificate inside it.
        var pdfText = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken));
        foreach (var userName in new[] { "thuky", "chutich" })
        {
            await using var person = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, userName);
            var device = Assert.Single(await person.Connection.InvokeAsync<System.Collections.Immutable.ImmutableArray<Polls.DeviceKey>>(nameof(MeetingHub.ListDevices)));
            using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Convert.FromBase64String(device.CertificateBase64!));
            Assert.Equal(device.PublicKeySpki, Convert.ToBase64String(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
            Assert.Contains(Convert.ToHexString(certificate.RawData), pdfText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_requests_for_this_browsers_key_at_once_keep_one_key_and_the_one_registered_is_the_one_that_signs()
    {
        // The /devices page reads this browser's key as it loads; a person may press "register" at the same moment.
        // Both must end with the same key, or the browser registers one key and signs with another.
        var page = await fixture.SignInAsync("daibieu6");
        await page.GotoAsync("/devices");
        await Expect(page.GetByTestId("register-device")).ToBeEnabledAsync();
        var keys = await page.EvaluateAsync<string[]>("""
            async user => {
              const keys = await import("/Components/Voting/BallotForm.razor.js");
              await keys.forgetDevice(user);
              const [first, second] = await Promise.all([keys.deviceKey(user), keys.deviceKey(user)]);
              return [first.spki, second.spki, (await keys.deviceKey(user)).spki];
            }
            """, "daibieu6");
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[0], keys[2]);

        await page.GetByTestId("register-device").ClickAsync();
        await Expect(page.GetByTestId("this-device")).ToHaveAttributeAsync("data-device-id", new System.Text.RegularExpressions.Regex("."), new() { Timeout = 10_000 });
        await using var person = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu6");
        var device = Assert.Single(await person.Connection.InvokeAsync<System.Collections.Immutable.ImmutableArray<Polls.DeviceKey>>(nameof(MeetingHub.ListDevices)));
        Assert.Equal(keys[0], device.PublicKeySpki);
    }

    private async Task<IPage> OpenAsync(string userName, string meetingId, bool registerDevice = false)
    {
        var page = await fixture.SignInAsync(userName);
        if (registerDevice)
        {
            // This browser context's own key, registered (and certified) from /devices as a person would.
            await page.GotoAsync("/devices");
            await page.GetByTestId("register-device").ClickAsync();
            await Expect(page.GetByTestId("this-device")).ToHaveAttributeAsync("data-device-id", new System.Text.RegularExpressions.Regex("."), new() { Timeout = 10_000 });
        }

        await page.GotoAsync($"/meetings/{meetingId}");
        await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync();
        return page;
    }

}
