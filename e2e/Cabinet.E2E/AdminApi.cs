using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cabinet.Testing;

namespace Cabinet.E2E;

/// <summary>The demo administrator (quantri) calling Cabinet's admin API with a bearer token, for a test's setup and checks.</summary>
public static class AdminApi
{
    /// <param name="token">quantri's token when the test already holds one (a fresh one otherwise).</param>
    public static async Task<HttpResponseMessage> SendAsync(Uri cabinet, HttpMethod method, string path, string? token = null, object? json = null)
    {
        using var http = new HttpClient { BaseAddress = cabinet };
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await MeetingHubClient.GetTokenAsync(cabinet, "quantri"));
        return await http.SendAsync(request);
    }

    /// <summary>An account action of /api/admin/users/{name}/{action} (disable, enable, unlock …), which must succeed.</summary>
    public static async Task AdministerAsync(Uri cabinet, string userName, string action)
    {
        using var response = await SendAsync(cabinet, HttpMethod.Post, $"/api/admin/users/{userName}/{action}");
        response.EnsureSuccessStatusCode();
    }
}
