using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cabinet.Errors;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>POST /api/admin/users, PUT …/role and GET /api/diagnostics/memory: administrators only, validated, accounts that can sign in.</summary>
public sealed class AdminEndpointsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task An_administrator_creates_accounts_in_their_organisation_that_can_sign_in_and_join()
    {
        var name = $"nv.{Guid.NewGuid():N}"[..16];
        var response = await PostUsersAsync("quantri", new[] { new { userName = name, displayName = "Trần Thị Bình", position = "Chuyên viên", password = "Ghe-go-phong-hop-7" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var client = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, name, "Ghe-go-phong-hop-7");
        // A new member is invited to nothing yet, and sees none of the organisation's meetings.
        Assert.Empty(await client.Connection.InvokeAsync<Cabinet.Meetings.MeetingSummary[]>(nameof(MeetingHub.ListMyMeetings)));
        Assert.Equal(HttpStatusCode.Conflict, (await PostUsersAsync("quantri", new[] { new { userName = name, displayName = "X", position = "", password = "Ghe-go-phong-hop-7" } })).StatusCode);
    }

    [Fact]
    public async Task Only_organisers_create_meetings_and_the_administrator_makes_someone_one()
    {
        var name = $"tc.{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Created, (await PostUsersAsync("quantri", new[] { new { userName = name, displayName = "Phạm Văn Tổ", position = "Chuyên viên", password = "Ghe-go-phong-hop-7", role = "member" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/admin/users/{name}/role", "quantri", new { role = "chief" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, $"/api/admin/users/{name}/role", "chutich", new { role = "organizer" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Put, "/api/admin/users/nobody.here/role", "quantri", new { role = "organizer" })).StatusCode);

        await using (var member = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, name, "Ghe-go-phong-hop-7"))
        {
            Assert.Equal("auth.forbidden", (await CreateAsync(member, name)).Error!.Code);
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/admin/users/{name}/role", "quantri", new { role = "organizer" })).StatusCode);
        await using var organiser = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, name, "Ghe-go-phong-hop-7");
        var created = await CreateAsync(organiser, name);
        Assert.True(created.Ok, created.Error?.Code);
    }

    private static Task<CommandResult> CreateAsync(MeetingHubClient client, string secretary) =>
        client.InvokeAsync(nameof(MeetingHub.CreateMeeting), Cabinet.Meetings.MeetingKey.Of("tinh", $"to-chuc-{Guid.NewGuid():N}"[..24]), new Cabinet.Meetings.MeetingSetup(
            new Cabinet.Meetings.MeetingDetails("Họp giao ban", "Phòng 3", DateTimeOffset.UtcNow.AddDays(2)),
            [new("chutich", Cabinet.Meetings.MeetingRole.Chair), new(secretary, Cabinet.Meetings.MeetingRole.Secretary)], []));

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
