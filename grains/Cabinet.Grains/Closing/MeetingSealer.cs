using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cabinet.Hosting;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.Records.Archive;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Signing;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cabinet.Closing;

/// <summary>
/// The server's part in turning a closed meeting into its archive: the unsigned draft minutes (for review, then the
/// people named sign it on their own devices, <see cref="MinutesSignatures"/>), the organisation's seal signature
/// once they have, then the archive (minutes, ledger, every document version's bytes, the access log counted, each
/// poll's signed result, ballot chain and a named poll's signed ballots, signed manifest naming the owning organisation),
/// stored write-once. Safe to run again after a failure at any step: if an archive was already stored, that one is kept.
/// </summary>
public sealed partial class MeetingSealer(
    OrganizationSigners signers, DeviceCertifier devices, LongTermValidation longTerm, IArchiveStore store, Documents.IDocumentBlobStore blobs,
    Ledger.ILedgerJournal journal, [FromKeyedServices(Documents.DocumentAccessLogGrain.JournalName)] Ledger.ILedgerJournal accessJournal,
    CabinetSiloOptions options, ILogger<MeetingSealer> logger)
{
    /// <summary>Keeps a version of the minutes (draft, or with the signatures so far) in the blob store; returns its SHA-256.</summary>
    public async Task<string> StoreMinutesAsync(byte[] minutes)
    {
        var sha256 = Documents.BlobHash.Of(minutes);
        await blobs.PutAsync(sha256, new MemoryStream(minutes, writable: false));
        return sha256;
    }

    public async Task<byte[]> LoadMinutesAsync(string sha256)
    {
        await using var stream = await blobs.OpenAsync(sha256) ?? throw new InvalidOperationException($"The minutes {sha256} are missing from the blob store.");
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The minutes PDF from the meeting's record, unsigned.</summary>
    public async Task<byte[]> DraftAsync(SealRequest request)
    {
        var ledger = await ReadLedgerAsync(request);
        var minutes = MinutesPdfWriter.Write(MinutesBuilder.Build(request.State, request.OrganizationName, ledger));
        CrashIfAsked("after-minutes");
        return minutes;
    }

    /// <summary>Where each signatory's visible signature goes on the minutes' last page (the draft laid out again: same record, same places).</summary>
    public async Task<IReadOnlyList<SignatureSpot>> SpotsAsync(SealRequest request)
    {
        var ledger = await ReadLedgerAsync(request);
        MinutesPdfWriter.Write(MinutesBuilder.Build(request.State, request.OrganizationName, ledger), out var spots);
        return spots;
    }

    /// <summary>
    /// First half of a person's signature on a record (the minutes, an opinion ballot's report): the DER signed attributes
    /// their device must sign, over the record prepared with their device certificate at <paramref name="at"/> (the same
    /// inputs prepare the same bytes again).
    /// </summary>
    public static byte[] BeginSignature(byte[] record, MinutesSignatory signatory, SigningPlace place, X509Certificate2 certificate, DateTimeOffset at) =>
        ExternalCmsSignature.SignedAttributes(PdfSigner.Prepare(record, SignatureRequest(signatory, place, at), certificate).SignedBytes(), certificate);

    /// <summary>
    /// Second half: the record with the person's signature (timestamped when a TSA is configured), or null when
    /// <paramref name="signatureP1363"/> is not their device's signature over what <see cref="BeginSignature"/> gave them.
    /// </summary>
    /// <exception cref="Voting.Signing.TimestampUnavailableException">A TSA is configured and gave no usable token.</exception>
    public async Task<byte[]?> CompleteSignatureAsync(byte[] record, MinutesSignatory signatory, SigningPlace place, X509Certificate2 certificate,
        PendingMinutesSignature pending, byte[] signatureP1363)
    {
        var prepared = PdfSigner.Prepare(record, SignatureRequest(signatory, place, pending.SigningTime), certificate);
        var attributes = ExternalCmsSignature.SignedAttributes(prepared.SignedBytes(), certificate);
        if (!attributes.AsSpan().SequenceEqual(Convert.FromBase64String(pending.SignedAttributesBase64))
            || ExternalCmsSignature.Assemble(attributes, signatureP1363, certificate, devices.Chain) is not { } cms)
        {
            return null;
        }

        return PdfSigner.Complete(prepared, await longTerm.TimestampAsync(cms));
    }

    private static PdfSignatureRequest SignatureRequest(MinutesSignatory signatory, SigningPlace place, DateTimeOffset at) =>
        new($"{signatory.Title} ký {place.RecordName}")
        {
            SignerName = signatory.DisplayName, Location = place.Place, FieldName = signatory.FieldName, SigningTime = at,
            Appearance = place.Spot is null ? null : SignatureAppearances.For(place.Spot, signatory.DisplayName, signatory.Title, at),
        };

    /// <summary>
    /// The organisation's seal signature (its own key, not a person's) over the minutes the people named signed, drawn
    /// over the chair's place as a seal is; then, with a TSA, the validation data and the document timestamp (B-LTA).
    /// </summary>
    /// <exception cref="Voting.Signing.TimestampUnavailableException">A TSA is configured and gave no usable token.</exception>
    public async Task<byte[]> ApplySealAsync(byte[] signedMinutes, string organizationId, string organizationName, SignatureSpot? spot, DateTimeOffset now)
    {
        var sealedMinutes = await PdfSigner.SignAsync(signedMinutes, longTerm.Timestamped(signers.For(organizationId, organizationName)),
            new PdfSignatureRequest("Xác thực của cơ quan")
            {
                SignerName = organizationName, FieldName = "CoQuan", SigningTime = now,
                Appearance = spot is null ? null : SignatureAppearances.For(spot, organizationName, "Cơ quan", now, seal: true),
            });
        return await longTerm.ExtendAsync(sealedMinutes);
    }

    /// <summary>Seals the archive around the sealed minutes and stores it, or describes the one already stored.</summary>
    public async Task<ArchiveInfo> ArchiveAsync(SealRequest request, byte[] sealedMinutes, DateTimeOffset now)
    {
        using var sealing = Diagnostics.CabinetMetrics.Sealing();
        var s = request.State;
        var ledger = await ReadLedgerAsync(request);
        var organization = longTerm.Timestamped(signers.For(s.OrganizationId, request.OrganizationName));
        var listed = Withholding(s, MinutesBuilder.Documents(s));
        var sealedMeeting = new SealedMeeting(request.OrganizationName, request.MeetingId, s.Details.Title, s.ClosedAt ?? now, sealedMinutes, ledger, listed)
        {
            OrganisationId = s.OrganizationId,
            DocumentFiles = await DocumentBytesAsync(listed),
            Access = await AccessSummaries.CountAsync(accessJournal, request.MeetingId, s),
            Signatories = s.Minutes is { } minutes ? [.. minutes.Signatories.Select(p => new ArchiveSignatory(p.UserName, p.DisplayName, p.Title))] : [],
            Polls = request.Polls.Select(p => new ArchivePoll(
                p.Poll.PollId, Encoding.UTF8.GetBytes(p.Result.DocumentJson), Convert.FromBase64String(p.Result.SignatureBase64))
            {
                Files = PollFiles(p.Chain, p.Ballots),
            }).ToList(),
        };
        var archive = await ArchiveWriter.WriteAsync(sealedMeeting, organization);
        if (!await store.TryAddAsync(request.MeetingId, archive))
        {
            archive = await store.GetAsync(request.MeetingId) ?? throw new InvalidOperationException("The archive store lost an archive.");
            LogAdopted(request.MeetingId);
        }

        CrashIfAsked("after-archive");
        return Describe(request.MeetingId, archive, now);
    }

    /// <summary>The whole chain from the journal, in pages, checked against itself and the state's head before it is sealed.</summary>
    private async Task<List<Voting.Ledger.LedgerEntry>> ReadLedgerAsync(SealRequest request)
    {
        var head = request.State.LedgerHead();
        var ledger = await journal.ReadChainAsync(request.MeetingId, head?.Sequence ?? 0);
        if (Voting.Ledger.LedgerVerifier.FindFirstFault(ledger) is { } fault)
        {
            throw new InvalidOperationException($"The ledger of {request.MeetingId} does not verify at entry {fault.Sequence}: {fault.Reason}.");
        }

        return ledger.Count == 0 || ledger[^1].Hash == head?.Hash
            ? ledger
            : throw new InvalidOperationException($"The journal of {request.MeetingId} does not end at the state's ledger head.");
    }

    private static Dictionary<string, byte[]> PollFiles(Voting.Ballots.BallotChain chain, System.Collections.Immutable.ImmutableArray<Polls.BallotEvidenceRecord> ballots)
    {
        var files = new Dictionary<string, byte[]> { ["ballots.jsonl"] = BallotLines(chain) };
        if (!ballots.IsDefaultOrEmpty)
        {
            files[BallotEvidence.FileName] = BallotEvidence.Lines(ballots.Select(b => new BallotEvidence(b.Position, b.Ballot, b.Signature, b.DeviceId, b.DevicePublicKey)));
        }

        return files;
    }

    private static byte[] BallotLines(Voting.Ballots.BallotChain chain) =>
        Encoding.UTF8.GetBytes(string.Concat(chain.Entries.Select(e => CanonicalJson.SerializeToString(e) + "\n")));

    /// <summary>
    /// The archive is downloaded by everyone who may see the meeting, so it holds no bytes a reader of the meeting may not
    /// download: a classified version (read on paper only) or one the organisers keep to the viewer is listed by hash only.
    /// </summary>
    private static List<MinutesDocument> Withholding(MeetingState s, List<MinutesDocument> listed)
    {
        var withheld = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in s.Documents.Where(d => d.Classified || !d.DownloadAllowed))
        {
            foreach (var version in document.Versions)
            {
                withheld[version.Sha256] = document.Classified ? MinutesDocument.Classified
                    : withheld.GetValueOrDefault(version.Sha256, MinutesDocument.NoDownload);
            }
        }

        return [.. listed.Select(d => withheld.TryGetValue(d.Sha256, out var reason) ? d with { Withheld = reason } : d)];
    }

    /// <summary>Every listed version's bytes from the document store, which keeps them by hash and never removes them.</summary>
    private async Task<Dictionary<string, byte[]>> DocumentBytesAsync(IEnumerable<MinutesDocument> listed)
    {
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var hash in listed.Where(d => d.Withheld is null).Select(d => d.Sha256).Distinct(StringComparer.Ordinal))
        {
            await using var stream = await blobs.OpenAsync(hash) ?? throw new InvalidOperationException($"Document {hash} is missing from the document store.");
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes[hash] = copy.ToArray();
        }

        return bytes;
    }

    private static ArchiveInfo Describe(string meetingId, byte[] archive, DateTimeOffset now)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return new ArchiveInfo(meetingId, Sha256Of(zip, "manifest.json"), archive.Length, now, Sha256Of(zip, "minutes.pdf"));
    }

    private static string Sha256Of(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        return Convert.ToHexStringLower(SHA256.HashData(entry));
    }

    private void CrashIfAsked(string step)
    {
        if (options.CrashWhileSealing == step)
        {
            LogCrashing(step);
            Process.GetCurrentProcess().Kill();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: an archive was already stored; keeping it")]
    private partial void LogAdopted(string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fault injection: killing the process {Step} while sealing")]
    private partial void LogCrashing(string step);
}
