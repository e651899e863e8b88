using Cabinet.Records.Pdf;

namespace Cabinet.Records.Archive;

/// <summary>
/// What the verifier is willing to read from an archive it was handed: a hostile archive ends in a report naming
/// the limit it hit, never in exhausted memory. The time budget is the caller's cancellation token.
/// </summary>
public sealed record ArchiveLimits
{
    public static ArchiveLimits Default { get; } = new();

    /// <summary>The ZIP entries or folder files an archive may hold.</summary>
    public int MaxFiles { get; init; } = 10_000;

    /// <summary>manifest.json; it lists every file, so it stays small for any real meeting.</summary>
    public long MaxManifestBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Any one file (the minutes, the ledger, a ballot chain), whatever the manifest claims.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The minutes PDF's reader budget.</summary>
    public PdfReadLimits Pdf { get; init; } = PdfReadLimits.Default;
}
