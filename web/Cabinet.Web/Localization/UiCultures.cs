using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Cabinet.Web.Localization;

/// <summary>The UI's languages: Vietnamese (the default) and English, chosen by a cookie set from the switch, else the browser.</summary>
public static class UiCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static readonly string[] Supported = [Vietnamese, English];

    /// <summary>Meetings happen in Viet Nam: every time the UI shows is in this zone, whatever the server's.</summary>
    public static readonly TimeZoneInfo MeetingTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static DateTimeOffset InMeetingTime(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, MeetingTimeZone);

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions { ApplyCurrentCultureToResponseHeaders = true }
            .SetDefaultCulture(Vietnamese)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        // Cookie first (the person's choice), then the browser's languages; never the query string.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }
}
