using System.Net;
using System.Text.RegularExpressions;

namespace Cabinet.Testing;

/// <summary>Signs in through the sign-in form as a browser does (antiforgery token, cookie), for tests of cookie-only rules.</summary>
public static partial class CookieSignIn
{
    /// <param name="trustAnyCertificate">For a test server's self-signed TLS certificate.</param>
    /// <param name="browser">The cookies of a browser that signed in before (its device cookie); a new browser when null.</param>
    public static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(
        Uri baseAddress, string userName, string password = MeetingHubClient.DemoPassword, bool trustAnyCertificate = false, CookieContainer? browser = null)
    {
        var (http, cookies, response) = await PostAsync(baseAddress, userName, password, trustAnyCertificate, browser);
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            {
                throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        return (http, cookies);
    }

    /// <summary>Posts the sign-in form and returns the answer as it is (a redirect to "/" or back to /login?error=…).</summary>
    public static async Task<(HttpClient Http, CookieContainer Cookies, HttpResponseMessage Response)> PostAsync(
        Uri baseAddress, string userName, string password, bool trustAnyCertificate = false, CookieContainer? browser = null, string? forwardedFor = null)
    {
        var cookies = browser ?? new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        if (trustAnyCertificate)
        {
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        var http = new HttpClient(handler) { BaseAddress = baseAddress };
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        var form = await http.GetStringAsync(new Uri("/login", UriKind.Relative));
        var field = AntiforgeryField().Match(form);
        var token = field.Groups[1].Success ? field.Groups[1].Value : field.Groups[2].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
        });
        return (http, cookies, await http.PostAsync(new Uri("/account/login", UriKind.Relative), body));
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();
}
