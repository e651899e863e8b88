using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cabinet.Errors;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>POST /api/admin/users and GET /api/diagnostics/memory: administrators only, validated, accounts that can sign in.</summary>
public sealed class AdminEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task An_administrator_creates_accounts_in_their_organisation_that_can_sign_in_and_join()
    {
        var name = $"nv.{Guid.NewGuid():N}"[..16];
        var response = await PostUsersAsync("quantri", new[] { new { userName = name, displayName = "Trần Thị Bình", position = "Chuyên viên", password = "Ghe-go-phong-hop-7" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var client = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, name, "Ghe-go-phong-hop-7");
        Assert.Contains(await client.Connection.InvokeAsync<Cabinet.Meetings.MeetingSummary[]>(nameof(MeetingHub.ListMyMeetings)), m => m.OrganizationId == "tinh");
        Assert.Equal(HttpStatusCode.Conflict, (await PostUsersAsync("quantri", new[] { new { userName = name, displayName = "X", position = "", password = "Ghe-go-phong-hop-7" } })).StatusCode);
    }

    [Fact]
    public async Task Everyone_else_is_refused_with_403_and_a_json_error()
    {
        var response = await PostUsersAsync("chutich", new[] { new { userName = "khongduoc", displayName = "X", position = "", password = "Ghe-go-phong-hop-7" } });
        var memory = await SendAsync(HttpMethod.Get, "/api/diagnostics/memory", "daibieu1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("auth.forbidden", (await response.Content.ReadFromJsonAsync<CabinetError>())!.Code);
        Assert.Equal(HttpStatusCode.Forbidden, memory.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/diagnostics/memory", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/diagnostics/memory", "quantri")).StatusCode);
    }

    [Theory]
    [InlineData("AB", "Ghe-go-phong-hop-7")]
    [InlineData("co dau cach", "Ghe-go-phong-hop-7")]
    [InlineData("hople.ten", "ngan")]
    public async Task Invalid_accounts_are_refused_and_none_is_created(string userName, string password)
    {
        var response = await PostUsersAsync("quantri", new[]
        {
            new { userName = $"ok.{Guid.NewGuid():N}"[..12], displayName = "Lê Văn Cường", position = "", password = "Ghe-go-phong-hop-7" },
            new { userName, displayName = "Lê Văn Cường", position = "", password },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("input.invalid", (await response.Content.ReadFromJsonAsync<CabinetError>())!.Code);
    }

    private Task<HttpResponseMessage> PostUsersAsync(string asUser, object users) => SendAsync(HttpMethod.Post, "/api/admin/users", asUser, users);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? asUser, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (asUser is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await MeetingHubClient.GetTokenAsync(fixture.Server.BaseAddress, asUser));
        }

        return await http.SendAsync(request);
    }
}
