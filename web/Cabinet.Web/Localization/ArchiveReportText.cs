using System.Globalization;
using System.Text.RegularExpressions;

namespace Cabinet.Web.Localization;

/// <summary>
/// A line of the archive verifier's report as the /verify page shows it: the verifier writes times in UTC ("u"
/// format, for the command line and logs); the page shows them in meeting time, the current culture's way.
/// </summary>
public static partial class ArchiveReportText
{
    public static string Line(string line) => UtcTime().Replace(line, m =>
        DateTimeOffset.TryParseExact(m.Value, "u", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? MeetingTimes.Shown(time)
            : m.Value);

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z")]
    private static partial Regex UtcTime();
}
