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

    /// <summary>The id of the organisation that owns the meeting, which its seal certificate names.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>Every version's bytes of every document in <see cref="Documents"/>, by lower-case SHA-256 hex.</summary>
    public IReadOnlyDictionary<string, byte[]> DocumentFiles { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The access log counted (access-summary.json); null leaves the file out.</summary>
    public AccessSummary? Access { get; init; }

    /// <summary>The people whose own signatures the PDF must carry (the secretary, then the chair), named in the manifest.</summary>
    public IReadOnlyList<ArchiveSignatory> Signatories { get; init; } = [];

    /// <summary>An opinion ballot's archive (the PDF is its consolidated report): its counts and signed answers; null for a meeting's.</summary>
    public ArchiveOpinion? Opinion { get; init; }
}
