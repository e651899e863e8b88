using Cabinet.Records.Archive;

namespace Cabinet.Web.Archive;

/// <summary>
/// What the verify page shows: the verifier's report, or a notice why no check ran (too large, busy, unreadable
/// upload). The notice is a Vietnamese text with {0}-style places (the page's localisation key) and their values.
/// </summary>
public sealed record ArchiveCheckOutcome(ArchiveVerificationReport? Report, string? Notice, object[] NoticeValues)
{
    public static ArchiveCheckOutcome Checked(ArchiveVerificationReport report) => new(report, null, []);

    public static ArchiveCheckOutcome Refused(string notice, params object[] values) => new(null, notice, values);
}
