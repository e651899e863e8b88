using Cabinet.Closing;
using Cabinet.Documents;
using Cabinet.Ledger;
using Cabinet.Records.Archive;
using Cabinet.Records.Minutes;
using Cabinet.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Cabinet.Opinions;

/// <summary>
/// Makes a closed ballot's consolidated report with the minutes' machinery: the PDF by <see cref="MinutesPdfWriter"/>,
/// the organisation's seal signature by <see cref="MeetingSealer.ApplySealAsync"/>, the archive by <see cref="ArchiveWriter"/>
/// (report as its minutes.pdf, the ballot's ledger, the documents asked about, a manifest signed by the organisation).
/// Both files go to the SHA-256 blob store, which never replaces or removes anything.
/// </summary>
public sealed class OpinionReports(
    MeetingSealer sealer, OrganizationSigners signers, LongTermValidation longTerm, IDocumentBlobStore blobs,
    [FromKeyedServices(OpinionBallotGrain.JournalName)] ILedgerJournal journal, TimeProvider clock)
{
    public async Task<OpinionReportInfo> MakeAsync(string key, OpinionBallotState s, OpinionConsolidation consolidation, string organizationName)
    {
        var now = clock.GetUtcNow();
        var report = MinutesPdfWriter.Write(OpinionReportBuilder.Build(s, consolidation, organizationName), out var spots);
        var sealedReport = await sealer.ApplySealAsync(report, s.OrganizationId, organizationName, spots.Count > 0 ? spots[^1] : null, now);
        var ledger = await journal.ReadChainAsync(key, s.LedgerHead?.Sequence ?? 0);
        var documents = s.Documents.Select(d => new MinutesDocument(d.Name, d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Sha256)).ToList();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var hash in documents.Select(d => d.Sha256).Distinct(StringComparer.Ordinal))
        {
            files[hash] = await ReadAsync(hash) ?? throw new InvalidOperationException($"Document {hash} is missing from the document store.");
        }

        var archive = await ArchiveWriter.WriteAsync(
            new SealedMeeting(organizationName, key, s.Title, s.ClosedAt ?? now, sealedReport, ledger, documents)
            {
                OrganisationId = s.OrganizationId,
                DocumentFiles = files,
            },
            longTerm.Timestamped(signers.For(s.OrganizationId, organizationName)));
        var reportHash = await sealer.StoreMinutesAsync(sealedReport);
        var archiveHash = await sealer.StoreMinutesAsync(archive);
        return new OpinionReportInfo(reportHash, sealedReport.LongLength, archiveHash, archive.LongLength, now);
    }

    public async Task<byte[]?> ReadAsync(string sha256)
    {
        await using var stream = await blobs.OpenAsync(sha256);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
