using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>The REST API v1 as an integration or an administrator calls it: clients, tokens, requests, problems.</summary>
public static class ApiSteps
{
    public static readonly string[] AllScopes =
        ["meetings:read", "meetings:write", "documents:read", "documents:write", "polls:read", "archives:read", "people:read", "people:write", "webhooks:manage", "opinions:read", "opinions:write"];

    public sealed record Registered(string ClientId, string Secret);

    /// <summary>An integration client registered by <paramref name="administratorToken"/>'s person.</summary>
    public static async Task<Registered> RegisterAsync(Uri server, string administratorToken, params string[] scopes)
    {
        using var response = await SendAsync(server, HttpMethod.Post, "/api/v1/clients", administratorToken, new { name = "Hệ thống quản lý văn bản", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ReadSecret(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static Registered ReadSecret(JsonElement issued) =>
        new(issued.GetProperty("client").GetProperty("clientId").GetString()!, issued.GetProperty("secret").GetString()!);

    /// <summary><c>POST /api/v1/token</c> with the credentials as form fields, or as HTTP Basic.</summary>
    public static async Task<HttpResponseMessage> TokenResponseAsync(Uri server, string clientId, string secret, bool basic = false, string? scope = null)
    {
        using var http = new HttpClient { BaseAddress = server };
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!basic)
        {
            (fields["client_id"], fields["client_secret"]) = (clientId, secret);
        }

        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/token") { Content = new FormUrlEncodedContent(fields) };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        }

        return await http.SendAsync(request);
    }

    public static async Task<string> ClientTokenAsync(Uri server, Registered client)
    {
        using var response = await TokenResponseAsync(server, client.ClientId, client.Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        return token.GetProperty("access_token").GetString()!;
    }

    /// <summary>A request with a bearer token (or none), a JSON body, a raw body or a form.</summary>
    public static async Task<HttpResponseMessage> SendAsync(Uri server, HttpMethod method, string path, string? token, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                HttpContent content => content,
                _ => JsonContent.Create(body),
            },
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    public static HttpContent RawJson(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    public static MultipartFormDataContent PdfUpload(string title) => new()
    {
        { new ByteArrayContent(SamplePdf.Create(new[] { "Tờ trình" })), "file", "to-trinh.pdf" },
        { new StringContent(title), "title" },
        { new StringContent("true"), "downloadAllowed" },
    };

    /// <summary>
    /// An RFC 9457 problem with the status, and (when given) Cabinet's code in <c>code</c> and in <c>type</c>, the
    /// Vietnamese message in <c>detail</c> and <c>message</c>.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code, string because)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{because}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        var actual = problem.GetProperty("code").GetString()!;
        Assert.Equal($"urn:cabinet:error:{actual}", problem.GetProperty("type").GetString());
        Assert.Equal(problem.GetProperty("message").GetString(), problem.GetProperty("detail").GetString());
        if (code is not null)
        {
            Assert.True(code == actual, $"{because}: expected {code}, got {actual}");
        }

        return problem;
    }
}
