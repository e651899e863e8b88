using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cabinet.Documents;
using Cabinet.Errors;

namespace Cabinet.Testing;

/// <summary>The document endpoints over real HTTP with a person's bearer token, as an app or integration calls them.</summary>
public sealed class DocumentUploads : IDisposable
{
    private readonly HttpClient _http;

    private DocumentUploads(HttpClient http) => _http = http;

    /// <param name="signInAt">Where to get the token, when not from the host called (tokens are valid cluster-wide).</param>
    public static async Task<DocumentUploads> SignInAsync(Uri baseAddress, string userName, Uri? signInAt = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MeetingHubClient.GetTokenAsync(signInAt ?? baseAddress, userName));
        return new DocumentUploads(http);
    }

    public async Task<(HttpStatusCode Status, DocumentView? Document, CabinetError? Error)> UploadAsync(
        string meetingId, byte[] content, string title, string? documentId = null, string? itemId = null, bool downloadAllowed = true,
        bool classified = false, string fileName = "tai-lieu.pdf")
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(title), "title" },
            { new StringContent(downloadAllowed ? "true" : "false"), "downloadAllowed" },
            { new StringContent(classified ? "true" : "false"), "classified" },
        };
        if (documentId is not null)
        {
            form.Add(new StringContent(documentId), "documentId");
        }

        if (itemId is not null)
        {
            form.Add(new StringContent(itemId), "itemId");
        }

        using var response = await _http.PostAsync(new Uri($"/api/meetings/{meetingId}/documents", UriKind.Relative), form);
        return response.StatusCode == HttpStatusCode.Created
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<DocumentView>(), null)
            : (response.StatusCode, null, await ReadErrorAsync(response));
    }

    /// <param name="print">A print copy (?copy=print), as the viewer's print button asks for it.</param>
    public async Task<(HttpStatusCode Status, byte[] Body, HttpResponseMessage Response)> FetchAsync(string meetingId, string documentId, int version,
        bool download = false, bool print = false)
    {
        var query = print ? "?copy=print" : download ? "?download=1" : "";
        var response = await _http.GetAsync(new Uri($"/api/meetings/{meetingId}/documents/{documentId}/versions/{version}/file{query}", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<CabinetError?> ReadErrorAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<CabinetError>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
