using System.Globalization;

namespace Cabinet.Web.Localization;

/// <summary>Times as the UI shows them: in the meeting's zone (Asia/Ho_Chi_Minh), written the current culture's way.</summary>
public static class MeetingTimes
{
    /// <summary>Date and time, short: 30/11/2026 09:30 in Vietnamese, 11/30/2026 9:30 AM in English.</summary>
    public static string Shown(DateTimeOffset time) => UiCultures.InMeetingTime(time).ToString("g", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset time) => UiCultures.InMeetingTime(time).ToString("d", CultureInfo.CurrentCulture);
}
