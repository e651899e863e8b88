using System.Globalization;

namespace Cabinet.Records.Minutes;

/// <summary>Dates, times and durations the way Vietnamese administrative documents write them.</summary>
public static class VietnameseFormat
{
    public static string Clock(DateTimeOffset at, TimeSpan offset)
    {
        var local = at.ToOffset(offset);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Hour:00} giờ {local.Minute:00} phút");
    }

    public static string ShortClock(DateTimeOffset at, TimeSpan offset) =>
        at.ToOffset(offset).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at, TimeSpan offset)
    {
        var local = at.ToOffset(offset);
        // Administrative style writes days below 10 and the months January and February with a leading zero.
        var month = local.Month < 3 ? $"{local.Month:00}" : $"{local.Month}";
        return string.Create(CultureInfo.InvariantCulture, $"ngày {local.Day:00} tháng {month} năm {local.Year}");
    }

    public static string Duration(TimeSpan duration)
    {
        var minutes = (int)duration.TotalMinutes;
        return minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds} giây")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} phút {duration.Seconds:00} giây");
    }

    public static string Status(Attendee attendee, TimeSpan offset) => attendee.Status switch
    {
        AttendanceStatus.Present => "Có mặt",
        AttendanceStatus.Late => attendee.ArrivedAt is { } at ? $"Đến muộn ({ShortClock(at, offset)})" : "Đến muộn",
        _ => attendee.Note is { Length: > 0 } note ? $"Vắng ({note})" : "Vắng",
    };
}
