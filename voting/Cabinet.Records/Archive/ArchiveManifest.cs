namespace Cabinet.Records.Archive;

/// <summary>
/// manifest.json: which meeting the archive seals and every file in it with its SHA-256 and size. Signed as a whole
/// (manifest.p7s), so no file can be changed, added or removed without the verifier noticing.
/// </summary>
/// <param name="LedgerHead">The hash of the ledger's last entry, so the sealed chain's end is stated, not only its file hash.</param>
/// <param name="OrganisationId">The id of the organisation that owns the meeting, which its seal certificate must name
/// (organizationIdentifier "CABINET:&lt;id&gt;"); absent from archives sealed before issue 16 (format 1).</param>
/// <param name="Kind">"opinion" for an opinion ballot's archive; absent for a meeting's.</param>
/// <param name="Signatories">The people whose signatures minutes.pdf must carry, in order; absent from archives sealed before issue 17.</param>
public sealed record ArchiveManifest(
    string Format,
    string Organisation,
    string MeetingId,
    string MeetingTitle,
    DateTimeOffset ClosedAt,
    long LedgerEntries,
    string LedgerHead,
    IReadOnlyList<ArchiveFile> Files,
    string? OrganisationId = null,
    string? Kind = null,
    IReadOnlyList<ArchiveSignatory>? Signatories = null)
{
    /// <summary><see cref="Kind"/> of an opinion ballot's archive (MeetingId is then the ballot's id, the minutes its consolidated report); a meeting's has none.</summary>
    public const string OpinionKind = "opinion";

    public bool IsOpinion => Kind == OpinionKind;

    /// <summary>Format 2 adds the organisation id, the documents' bytes and each named poll's ballot evidence.</summary>
    public const string CurrentFormat = "cabinet-archive/2";
    public const string LegacyFormat = "cabinet-archive/1";
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.p7s";
}
