using Cabinet.Records.Archive;

namespace Cabinet.Web.Archive;

/// <summary>What the verify page shows: the verifier's report, or a notice why no check ran (too large, busy, unreadable upload).</summary>
public sealed record ArchiveCheckOutcome(ArchiveVerificationReport? Report, string? Notice)
{
    public static ArchiveCheckOutcome Checked(ArchiveVerificationReport report) => new(report, null);

    public static ArchiveCheckOutcome Refused(string notice) => new(null, notice);
}
