using System.Globalization;
using Cabinet.Meetings;

namespace Cabinet.Web.Components.Shared;

/// <summary>How the floor is written on screen: names, times and why a speech ended, in Vietnamese.</summary>
public static class FloorText
{
    public static string Name(MeetingSnapshot meeting, string userName) =>
        meeting.Participants.FirstOrDefault(p => p.UserName == userName)?.DisplayName ?? userName;

    public static string Clock(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Max(0, t.TotalMinutes):00}:{Math.Max(0, t.Seconds):00}");

    /// <summary>A speaking time: whole minutes in words ("{0} phút", through the page's localiser), otherwise as a clock.</summary>
    public static string Minutes(int seconds, Microsoft.Extensions.Localization.IStringLocalizer localizer) =>
        seconds % 60 == 0 ? localizer["{0} phút", seconds / 60] : Clock(TimeSpan.FromSeconds(seconds));

    /// <summary>Vietnam's time (UTC+7 all year), whatever the server's time zone.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Ending(SpeechEnding? ending) => ending switch
    {
        SpeechEnding.Superseded => "chủ trì mời người khác",
        SpeechEnding.ItemChanged => "chuyển nội dung",
        SpeechEnding.MeetingClosed => "bế mạc",
        _ => "",
    };
}
