using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>Accounts, tokens and the audit log over HTTP, as an app or an administrator uses them.</summary>
public static class AccountSteps
{
    public const string Password = "Ghe-go-phong-hop-7";

    public sealed record Tokens(string AccessToken, string RefreshToken, long ExpiresIn);

    public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Kind, string Actor, string Organization, string Address, string UserAgent, string Detail, string Hash);

    public sealed record AuditPage(AuditEntry[] Entries, long? NextPage);

    /// <summary>A new member of the province office, created by its administrator; a fresh account has no throttle and no sessions.</summary>
    public static async Task<string> NewPersonAsync(Uri server, string password = Password)
    {
        var name = $"tk.{Guid.NewGuid():N}"[..14];
        using var response = await SendAsync(server, HttpMethod.Post, "/api/admin/users", await MeetingHubClient.GetTokenAsync(server, "quantri"),
            new[] { new { userName = name, displayName = "Nguyễn Văn Thử", position = "Chuyên viên", password } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    public static async Task<HttpResponseMessage> TokenResponseAsync(Uri server, string userName, string password, string? forwardedFor = null)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName, password }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request);
    }

    public static async Task<Tokens> TokensAsync(Uri server, string userName, string password = Password)
    {
        using var response = await TokenResponseAsync(server, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public static async Task<HttpResponseMessage> SendAsync(Uri server, HttpMethod method, string path, string? accessToken, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await http.SendAsync(request);
    }

    public static async Task<string> ErrorCodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    /// <summary>The audit entries of <paramref name="kind"/> for <paramref name="actor"/>, once at least one is there (the log is written just after the answer).</summary>
    public static async Task<AuditEntry[]> AuditAsync(Uri server, string kind, string actor)
    {
        var admin = await MeetingHubClient.GetTokenAsync(server, "quantri");
        for (var attempt = 0; ; attempt++)
        {
            using var response = await SendAsync(server, HttpMethod.Get, $"/api/admin/audit?kind={kind}&actor={actor}", admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<AuditPage>())!;
            if (page.Entries.Length > 0 || attempt == 50)
            {
                Assert.True(page.Entries.Length > 0, $"no audit entry {kind} for {actor}");
                return page.Entries;
            }

            await Task.Delay(100);
        }
    }
}
