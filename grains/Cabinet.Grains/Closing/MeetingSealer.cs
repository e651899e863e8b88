using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Cabinet.Hosting;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.Records.Archive;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Signing;
using Cabinet.Voting.Canonical;
using Microsoft.Extensions.Logging;

namespace Cabinet.Closing;

/// <summary>
/// Seals a closed meeting, in order: the minutes PDF, the secretary's signature, the organisation's seal signature,
/// then the archive (minutes, ledger, each poll's signed result and ballot chain, signed manifest), stored write-once.
/// Safe to run again after a failure at any step: if an archive was already stored, that one is kept and described.
/// </summary>
public sealed partial class MeetingSealer(
    OrganizationSigners signers, IArchiveStore store, Ledger.ILedgerJournal journal, CabinetSiloOptions options, ILogger<MeetingSealer> logger)
{
    public async Task<ArchiveInfo> SealAsync(SealRequest request, DateTimeOffset now)
    {
        using var sealing = Diagnostics.CabinetMetrics.Sealing();
        var s = request.State;
        var ledger = await ReadLedgerAsync(request);
        var minutes = MinutesPdfWriter.Write(MinutesBuilder.Build(s, request.OrganizationName, ledger));
        CrashIfAsked("after-minutes");

        var secretary = s.Participants.FirstOrDefault(p => p.Role == MeetingRole.Secretary) ?? s.Participants.First(p => p.Role == MeetingRole.Chair);
        var person = signers.ForPerson(secretary.UserName, secretary.DisplayName, request.OrganizationName);
        var organization = signers.For(s.OrganizationId, request.OrganizationName);
        var signed = await PdfSigner.SignAsync(minutes, person,
            new PdfSignatureRequest("Ký biên bản cuộc họp") { SignerName = secretary.DisplayName, Location = s.Details.Place, FieldName = "ThuKy" });
        signed = await PdfSigner.SignAsync(signed, organization,
            new PdfSignatureRequest("Xác thực của cơ quan") { SignerName = request.OrganizationName, FieldName = "CoQuan" });

        var sealedMeeting = new SealedMeeting(request.OrganizationName, request.MeetingId, s.Details.Title, s.ClosedAt ?? now, signed, ledger, MinutesBuilder.Documents(s))
        {
            Polls = request.Polls.Select(p => new ArchivePoll(
                p.Poll.PollId, Encoding.UTF8.GetBytes(p.Result.DocumentJson), Convert.FromBase64String(p.Result.SignatureBase64))
            {
                Files = new Dictionary<string, byte[]> { ["ballots.jsonl"] = BallotLines(p.Chain) },
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

    private static byte[] BallotLines(Voting.Ballots.BallotChain chain) =>
        Encoding.UTF8.GetBytes(string.Concat(chain.Entries.Select(e => CanonicalJson.SerializeToString(e) + "\n")));

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
