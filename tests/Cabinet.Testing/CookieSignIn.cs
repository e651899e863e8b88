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
        if (response.Headers.Location?.OriginalString is { } asked && asked.StartsWith("/login?step=code", StringComparison.Ordinal))
        {
            response.Dispose();
            response = await CompleteSecondFactorAsync(http, baseAddress, userName, asked);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString is not ("/" or "/account?done=enrolled"))
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
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(form), ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/",
        });
        return (http, cookies, await http.PostAsync(new Uri("/account/login", UriKind.Relative), body));
    }

    /// <summary>
    /// The second step on /login as a person does it: enrols with the secret the page shows (remembered in
    /// <see cref="SecondFactorCodes"/>) or uses the one remembered, and posts the next code.
    /// </summary>
    public static async Task<HttpResponseMessage> CompleteSecondFactorAsync(HttpClient http, Uri baseAddress, string userName, string codePage)
    {
        ArgumentNullException.ThrowIfNull(http);
        var page = await http.GetStringAsync(new Uri(codePage, UriKind.Relative));
        if (SecretField().Match(page) is { Success: true } secret)
        {
            SecondFactorCodes.Remember(baseAddress, userName, secret.Groups[1].Value);
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(page), ["code"] = await SecondFactorCodes.NextAsync(baseAddress, userName), ["returnUrl"] = "/",
        });
        return await http.PostAsync(new Uri("/account/login/code", UriKind.Relative), body);
    }

    private static string AntiforgeryTokenOf(string page)
    {
        var field = AntiforgeryField().Match(page);
        return WebUtility.HtmlDecode(field.Groups[1].Success ? field.Groups[1].Value : field.Groups[2].Value);
    }

    [GeneratedRegex("data-testid=\"totp-secret\">([A-Z2-7]+)<")]
    private static partial Regex SecretField();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryField();
}
