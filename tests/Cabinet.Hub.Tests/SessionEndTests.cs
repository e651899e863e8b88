using System.Net;
using System.Net.Http.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The server ends sessions and everything that rides on them: a saved copy of the cookie, an access token, an open hub
/// connection. Refresh tokens rotate, and a reused one ends its family. Each step leaves its audit entry.
/// </summary>
public sealed class SessionEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Uri Server => fixture.Server.BaseAddress;

    [Fact]
    public async Task A_saved_cookie_and_a_bearer_token_stop_working_after_sign_out()
    {
        var person = await AccountSteps.NewPersonAsync(Server);
        var (browser, cookies) = await CookieSignIn.SignInAsync(Server, person, AccountSteps.Password);
        using var savedCopy = SavedCopyOf(cookies);
        var tokens = await AccountSteps.TokensAsync(Server, person);
        Assert.Equal(HttpStatusCode.OK, (await savedCopy.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", tokens.AccessToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), null)).StatusCode);
        using var revoked = await AccountSteps.SendAsync(Server, HttpMethod.Post, "/api/auth/revoke", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await AssertSentToSignIn(savedCopy.GetAsync(new Uri("/account", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await savedCopy.GetAsync(new Uri("/api/account/sessions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", tokens.AccessToken)).StatusCode);
        Assert.Single(await AccountSteps.AuditAsync(Server, "auth.sign_out", person));
        Assert.Single(await AccountSteps.AuditAsync(Server, "token.revoked", person));
        browser.Dispose();
    }

    [Fact]
    public async Task A_password_change_ends_every_cookie_token_and_hub_connection_and_only_the_new_password_signs_in()
    {
        var person = await AccountSteps.NewPersonAsync(Server);
        var (browser, cookies) = await CookieSignIn.SignInAsync(Server, person, AccountSteps.Password);
        using var savedCopy = SavedCopyOf(cookies);
        var app = await AccountSteps.TokensAsync(Server, person);
        var changer = await AccountSteps.TokensAsync(Server, person);
        await using var hub = await MeetingHubClient.ConnectAsync(Server, person, AccountSteps.Password);
        Assert.True((await hub.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), "tinh/khong-co")).Error?.Code != "auth.not_signed_in");

        using var common = await AccountSteps.SendAsync(Server, HttpMethod.Post, "/api/account/password", changer.AccessToken,
            new { currentPassword = AccountSteps.Password, newPassword = "password123" });
        using var changed = await AccountSteps.SendAsync(Server, HttpMethod.Post, "/api/account/password", changer.AccessToken,
            new { currentPassword = AccountSteps.Password, newPassword = "Ban-ghe-dai-mau-xanh" });

        Assert.Equal("password.common", await AccountSteps.ErrorCodeOf(common));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await AssertSentToSignIn(savedCopy.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", app.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", changer.AccessToken)).StatusCode);
        Assert.Equal("auth.not_signed_in", (await hub.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), "tinh/khong-co")).Error?.Code);
        using var oldPassword = await AccountSteps.TokenResponseAsync(Server, person, AccountSteps.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await AccountSteps.TokensAsync(Server, person, "Ban-ghe-dai-mau-xanh");
        Assert.Contains(await AccountSteps.AuditAsync(Server, "auth.password_changed", person), e => e.Detail == "4 sessions ended");
        browser.Dispose();
    }

    [Fact]
    public async Task A_disabled_accounts_sessions_end_at_once_and_it_cannot_sign_in_until_enabled()
    {
        var person = await AccountSteps.NewPersonAsync(Server);
        var (browser, _) = await CookieSignIn.SignInAsync(Server, person, AccountSteps.Password);
        await using var hub = await MeetingHubClient.ConnectAsync(Server, person, AccountSteps.Password);
        var admin = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var notAdministrator = await MeetingHubClient.GetTokenAsync(Server, "chutich");

        using var notTheirs = await AccountSteps.SendAsync(Server, HttpMethod.Post, $"/api/admin/users/{person}/disable", notAdministrator);
        using var disabled = await AccountSteps.SendAsync(Server, HttpMethod.Post, $"/api/admin/users/{person}/disable", admin);

        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("auth.not_signed_in", (await hub.Connection.InvokeAsync<CommandResult>(nameof(MeetingHub.LeaveMeeting), "tinh/khong-co")).Error?.Code);
        await AssertSentToSignIn(browser.GetAsync(new Uri("/", UriKind.Relative)));
        using (var rightPassword = await AccountSteps.TokenResponseAsync(Server, person, AccountSteps.Password))
        using (var wrongPassword = await AccountSteps.TokenResponseAsync(Server, person, "khong-phai-mat-khau"))
        {
            Assert.Equal("auth.account_disabled", await AccountSteps.ErrorCodeOf(rightPassword));
            Assert.Equal("auth.sign_in_failed", await AccountSteps.ErrorCodeOf(wrongPassword));
        }

        Assert.Equal(HttpStatusCode.OK, (await AccountSteps.SendAsync(Server, HttpMethod.Post, $"/api/admin/users/{person}/enable", admin)).StatusCode);
        await AccountSteps.TokensAsync(Server, person);
        Assert.Contains(await AccountSteps.AuditAsync(Server, "admin.account_disabled", "quantri"), e => e.Detail.StartsWith($"{person}: 2 sessions ended", StringComparison.Ordinal));
        Assert.Contains(await AccountSteps.AuditAsync(Server, "access.forbidden", "chutich"), e => e.Detail.Contains(person, StringComparison.Ordinal));
        browser.Dispose();
    }

    [Fact]
    public async Task A_connection_that_only_listens_is_closed_by_the_hosts_sweep_once_its_session_ends_and_others_stay()
    {
        await using var host = await CabinetServer.StartAsync(new CabinetServerOptions { ExtraArguments = ["--Cabinet:Live:SessionSweepSeconds=1"] });
        var person = await AccountSteps.NewPersonAsync(host.BaseAddress);
        await using var listening = await MeetingHubClient.ConnectAsync(host.BaseAddress, person, AccountSteps.Password);
        await using var bystander = await MeetingHubClient.ConnectAsync(host.BaseAddress, "daibieu1");
        var closed = new TaskCompletionSource();
        listening.Connection.Closed += _ => Task.FromResult(closed.TrySetResult());
        var admin = await MeetingHubClient.GetTokenAsync(host.BaseAddress, "quantri");

        using var disabled = await AccountSteps.SendAsync(host.BaseAddress, HttpMethod.Post, $"/api/admin/users/{person}/disable", admin);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60)); // closed without a call of its own: only the sweep does that
        await Task.Delay(TimeSpan.FromSeconds(2)); // two more sweeps
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
        Assert.NotEqual("auth.not_signed_in", (await bystander.Connection.InvokeAsync<CommandResult>(nameof(MeetingHub.LeaveMeeting), "tinh/khong-co")).Error?.Code);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_reusing_an_old_one_ends_the_whole_family()
    {
        var person = await AccountSteps.NewPersonAsync(Server);
        var first = await AccountSteps.TokensAsync(Server, person);

        var second = await RefreshAsync(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rotated = (await second.Content.ReadFromJsonAsync<AccountSteps.Tokens>())!;
        Assert.NotEqual(first.RefreshToken, rotated.RefreshToken);
        Assert.InRange(rotated.ExpiresIn, 1, 15 * 60);
        Assert.Equal(HttpStatusCode.OK, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", rotated.AccessToken)).StatusCode);

        using var reused = await RefreshAsync(first.RefreshToken);
        using var afterReuse = await RefreshAsync(rotated.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("auth.refresh_reused", await AccountSteps.ErrorCodeOf(reused));
        Assert.Equal("auth.refresh_invalid", await AccountSteps.ErrorCodeOf(afterReuse));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", rotated.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/account/sessions", first.AccessToken)).StatusCode);
        Assert.Single(await AccountSteps.AuditAsync(Server, "token.refreshed", person));
        Assert.Single(await AccountSteps.AuditAsync(Server, "token.reuse_detected", person));
        Assert.Single(await AccountSteps.AuditAsync(Server, "token.issued", person));
        second.Dispose();
    }

    [Fact]
    public async Task A_refused_hub_command_is_audited_and_the_audit_chain_verifies()
    {
        await using var chair = await MeetingHubClient.ConnectAsync(Server, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        await using var delegateClient = await MeetingHubClient.ConnectAsync(Server, "daibieu2");

        Assert.Equal("auth.forbidden", (await delegateClient.InvokeAsync(nameof(MeetingHub.NextItem), id)).Error?.Code);
        Assert.Contains(await AccountSteps.AuditAsync(Server, "access.forbidden", "daibieu2"), e => e.Detail == $"hub NextItem {id}");
        var admin = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        using var verification = await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/admin/audit/verify", admin);
        var result = await verification.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(result.GetProperty("intact").GetBoolean(), result.ToString());
        Assert.True(result.GetProperty("toSequence").GetInt64() > 3, result.ToString());
        using var csv = await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/admin/audit.csv?kind=access.forbidden", admin);
        Assert.Contains($"\"hub NextItem {id}\"", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/admin/audit", await MeetingHubClient.GetTokenAsync(Server, "chutich"))).StatusCode);
    }

    private static async Task AssertSentToSignIn(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        AccountSteps.SendAsync(Server, HttpMethod.Post, "/api/auth/refresh", null, new { refreshToken });

    /// <summary>Another client carrying a copy of the browser's sign-in cookie, as someone who saved it would.</summary>
    private HttpClient SavedCopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(Server, new Cookie("cabinet", cookies.GetCookies(Server)["cabinet"]!.Value));
        return new HttpClient(new HttpClientHandler { CookieContainer = copy, AllowAutoRedirect = false }) { BaseAddress = Server };
    }
}
