using System.Net;
using System.Net.WebSockets;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>What Cabinet serves is inert, and a browser's cookie works only from Cabinet's own pages.</summary>
public sealed class SecurityHeaderTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Foreign = "http://evil.example";

    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_no_server_header()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var page = await http.GetAsync(new Uri("/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval'", policy.Replace("'wasm-unsafe-eval'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", page.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_document_file_is_served_sandboxed_unsniffed_and_with_a_safe_file_name()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var uploads = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var (_, document, error) = await uploads.UploadAsync(id, ScriptedPdf.Create(), "Tờ trình \"số 5\"; a/b\r\nX-Evil: 1");
        Assert.True(document is not null, error?.Code);

        foreach (var download in new[] { false, true })
        {
            var (status, _, response) = await uploads.FetchAsync(id, document.DocumentId, 1, download);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("X-Evil"));
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal(download ? "attachment" : "inline", disposition.DispositionType);
            Assert.Matches("^[A-Za-z0-9._-]+$", disposition.FileName!.Trim('"'));
            Assert.Contains("Tờ-trình", Uri.UnescapeDataString(disposition.FileNameStar!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cookie_from_a_foreign_origin_is_refused_at_negotiate_and_websocket_while_the_own_origin_and_tokens_pass()
    {
        var (http, cookies) = await CookieSignIn.SignInAsync(fixture.Server.BaseAddress, "daibieu1");
        using (http)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await NegotiateAsync(http, Foreign)).StatusCode);
            var refused = await NegotiateAsync(http, Foreign);
            Assert.Contains("auth.origin_forbidden", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(http, fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority))).StatusCode);
        }

        var socketUri = new Uri($"ws://{fixture.Server.BaseAddress.Authority}{MeetingHub.Path}");
        using (var foreignSocket = new ClientWebSocket())
        {
            foreignSocket.Options.Cookies = cookies;
            foreignSocket.Options.SetRequestHeader("Origin", Foreign);
            var failure = await Assert.ThrowsAsync<WebSocketException>(() => foreignSocket.ConnectAsync(socketUri, CancellationToken.None));
            Assert.Contains("403", failure.Message, StringComparison.Ordinal);
        }

        using (var ownSocket = new ClientWebSocket())
        {
            ownSocket.Options.Cookies = cookies;
            ownSocket.Options.SetRequestHeader("Origin", fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
            await ownSocket.ConnectAsync(socketUri, CancellationToken.None);
            Assert.Equal(WebSocketState.Open, ownSocket.State);
        }

        using var app = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        app.DefaultRequestHeaders.Authorization = new("Bearer", await MeetingHubClient.GetTokenAsync(fixture.Server.BaseAddress, "daibieu1"));
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(app, Foreign)).StatusCode);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient http, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{MeetingHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        return await http.SendAsync(request);
    }
}
