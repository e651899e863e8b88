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

    /// <summary>The verdict in the reader's language: the verifier's code picks the text, its detail follows.</summary>
    public static string Verdict(Microsoft.Extensions.Localization.IStringLocalizer<Text> l, Cabinet.Records.Archive.ArchiveVerificationReport report) =>
        report.Failure is { } failure
            ? l["KHÔNG HỢP LỆ [{0}]: {1} — {2}", report.Code ?? Cabinet.Records.Archive.VerdictCodes.ContentInvalid,
                l[Cabinet.Records.Archive.VerdictCodes.Describe(report.Code ?? Cabinet.Records.Archive.VerdictCodes.ContentInvalid)], Line(failure)]
            : report.IsTrusted ? l["HỢP LỆ: mọi kiểm tra đều đạt."]
            : l["NGUYÊN VẸN NHƯNG CHƯA ĐƯỢC TIN CẬY: không có chứng thư gốc tin cậy nên chỉ kiểm tra được tính toàn vẹn."];

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z")]
    private static partial Regex UtcTime();
}
