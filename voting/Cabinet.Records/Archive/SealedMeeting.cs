using Cabinet.Records.Minutes;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>Everything a closed meeting's archive holds, before it is written.</summary>
/// <param name="MinutesPdf">The signed minutes (personal signature, then the organisation's seal).</param>
public sealed record SealedMeeting(
    string Organisation,
    string MeetingId,
    string MeetingTitle,
    DateTimeOffset ClosedAt,
    byte[] MinutesPdf,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<MinutesDocument> Documents)
{
    public IReadOnlyList<ArchivePoll> Polls { get; init; } = [];
}
