using System.Text.Json;
using Cabinet.Records.Minutes;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>
/// The ledger and documents.json must list the same document versions: each "document.added" (a document's first
/// version) and "document.version-issued" entry's SHA-256 and version are in documents.json, and (once the ledger
/// records any) each listed version was issued. Documents are never removed, so the two lists are the same.
/// </summary>
internal static class LedgerAgainstDocuments
{
    private static readonly string[] IssuingCommands = ["document.added", "document.version-issued"];

    public static (string Code, string Failure)? FirstMismatch(IReadOnlyList<LedgerEntry> ledger, Func<string, byte[]?> read)
    {
        var issued = ledger.Where(e => IssuingCommands.Contains(e.Command)).ToList();
        if (issued.Count == 0 || read(ArchivePaths.Documents) is not { } json)
        {
            return null; // a ledger that issues no document (an archive's test ledger) has nothing to hold the list against
        }

        List<MinutesDocument> listed;
        try
        {
            listed = ArchiveJson.Deserialize<List<MinutesDocument>>(json);
        }
        catch (JsonException)
        {
            return null; // documents.json's own check has already refused it
        }

        var seen = new HashSet<(string Sha256, string Version)>();
        foreach (var entry in issued)
        {
            var (sha256, version) = Issued(entry.Detail);
            if (sha256 is null || version is null)
            {
                return Mismatch(ReportLanguage.Say($"{ArchivePaths.Ledger}: mục {entry.Sequence} ban hành một phiên bản tài liệu thiếu \"sha256\" hoặc \"version\"",
                    $"{ArchivePaths.Ledger}: entry {entry.Sequence} issues a document version without its \"sha256\" or \"version\""));
            }

            seen.Add((sha256, version));
            if (!listed.Any(d => d.Sha256 == sha256 && d.Version == version))
            {
                var hash = sha256[..Math.Min(12, sha256.Length)];
                return Mismatch(ReportLanguage.Say($"{ArchivePaths.Documents}: không ghi phiên bản {version} ({hash}…) do mục {entry.Sequence} của nhật ký ban hành",
                    $"{ArchivePaths.Documents}: does not list version {version} ({hash}…) issued by the ledger's entry {entry.Sequence}"));
            }
        }

        return listed.FirstOrDefault(d => !seen.Contains((d.Sha256, d.Version))) is { } unissued
            ? Mismatch(ReportLanguage.Say($"{ArchivePaths.Documents}: ghi \"{unissued.Title}\" phiên bản {unissued.Version}, nhật ký chưa từng ban hành phiên bản này",
                $"{ArchivePaths.Documents}: lists \"{unissued.Title}\" version {unissued.Version}, which the ledger never issued"))
            : null;
    }

    private static (string, string) Mismatch(string failure) => (VerdictCodes.LedgerDocumentsMismatch, failure);

    private static (string? Sha256, string? Version) Issued(string detail)
    {
        try
        {
            using var document = JsonDocument.Parse(detail, ArchiveJson.DocumentOptions);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String
                && root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number
                ? (sha.GetString(), version.GetRawText())
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
