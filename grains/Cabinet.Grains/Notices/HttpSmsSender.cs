using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cabinet.Hosting;
using Cabinet.People;

namespace Cabinet.Notices;

/// <summary>
/// Text messages through the configured HTTP gateway: <see cref="SmsSettings.BodyTemplate"/> with the number and the
/// text escaped for the body's content type (JSON string or form value), the configured headers and basic credentials.
/// </summary>
public sealed class HttpSmsSender(SmsSettings settings, NoticeLinks links) : INoticeSender, IDisposable
{
    /// <summary>A text message is short; a longer one is cut (gateways bill and split by length).</summary>
    public const int MaxText = 320;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public NoticeChannel Channel => NoticeChannel.Sms;

    public bool IsConfigured => settings.IsConfigured;

    public bool Reaches(UserProfile person) => !string.IsNullOrEmpty(person.Phone);

    public async Task SendAsync(UserProfile person, Notice notice, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(new HttpMethod(settings.Method), settings.Url)
        {
            Content = new StringContent(Body(person.Phone!, Text(notice)), Encoding.UTF8, MediaTypeHeaderValue.Parse(settings.ContentType).MediaType!),
        };
        foreach (var (name, value) in settings.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (!string.IsNullOrEmpty(settings.UserName))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        using var response = await _http.SendAsync(request, cancellation);
        var status = (int)response.StatusCode;
        if (settings.SuccessStatus is { } expected ? status != expected : !response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Cổng SMS trả về HTTP {status}.");
        }
    }

    /// <summary>The template with <c>{phone}</c> and <c>{text}</c> replaced, each escaped for the content type.</summary>
    public string Body(string phone, string text)
    {
        Func<string, string> escape = settings.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? v => JsonEncodedText.Encode(v, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
            : settings.ContentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString : v => v;
        return settings.BodyTemplate.Replace("{phone}", escape(phone), StringComparison.Ordinal).Replace("{text}", escape(text), StringComparison.Ordinal);
    }

    private string Text(Notice notice)
    {
        var text = $"{notice.Title} {links.Absolute(notice.Link)}";
        return text.Length <= MaxText ? text : text[..MaxText];
    }

    public void Dispose() => _http.Dispose();
}
