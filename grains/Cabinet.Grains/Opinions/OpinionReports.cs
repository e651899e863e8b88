using System.Collections.Immutable;
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
/// signed by the secretary and the chair through <see cref="RecordSignatures"/>, then the organisation's seal by
/// <see cref="MeetingSealer.ApplySealAsync"/> and the archive by <see cref="ArchiveWriter"/> (the report as its
/// minutes.pdf, the ballot's ledger, the documents asked about, the counts and every member's signed answer, a manifest
/// signed by the organisation naming the two signatories). Files go to the SHA-256 blob store, which never replaces or removes anything.
/// </summary>
public sealed class OpinionReports(
    MeetingSealer sealer, OrganizationSigners signers, LongTermValidation longTerm, IDocumentBlobStore blobs,
    [FromKeyedServices(OpinionBallotGrain.JournalName)] ILedgerJournal journal, TimeProvider clock)
{
    /// <summary>The capacities printed under the signatures (and the signature block's places named the same).</summary>
    public const string SecretaryTitle = MinutesDecisions.SecretaryTitle, ChairTitle = "CHỦ TRÌ";

    public MeetingSealer Sealer => sealer;

    /// <summary>The secretary (the office member who drafted the ballot), then the chair.</summary>
    public static ImmutableArray<MinutesSignatory> Signatories(OpinionBallotState s, OpinionMember secretary) =>
        [new(secretary.UserName, secretary.DisplayName, SecretaryTitle, "ThuKy"), new(s.Chair.UserName, s.Chair.DisplayName, ChairTitle, "ChuTri")];

    /// <summary>The unsigned report, stored; its SHA-256.</summary>
    public async Task<string> DraftAsync(OpinionBallotState s, OpinionConsolidation consolidation, string organizationName, ImmutableArray<MinutesSignatory> signatories) =>
        await sealer.StoreMinutesAsync(MinutesPdfWriter.Write(OpinionReportBuilder.Build(s, consolidation, organizationName, signatories)));

    /// <summary>Where a signatory's (or, for the chair, the seal's) visible signature goes: the draft laid out again from the same record.</summary>
    public static SignatureSpot? SpotOf(OpinionBallotState s, OpinionConsolidation consolidation, string organizationName, string title)
    {
        MinutesPdfWriter.Write(OpinionReportBuilder.Build(s, consolidation, organizationName, s.ReportSigning!.Signatories), out var spots);
        return spots.FirstOrDefault(p => p.Capacity == title);
    }

    /// <summary>The organisation's seal over the report the secretary and the chair signed, then the archive; both stored.</summary>
    public async Task<OpinionReportInfo> SealAsync(string key, OpinionBallotState s, OpinionConsolidation consolidation, string organizationName)
    {
        var now = clock.GetUtcNow();
        var signed = await sealer.LoadMinutesAsync(s.ReportSigning!.Sha256);
        var sealedReport = await sealer.ApplySealAsync(signed, s.OrganizationId, organizationName, SpotOf(s, consolidation, organizationName, ChairTitle), now);
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
                Signatories = [.. s.ReportSigning.Signatories.Select(p => new ArchiveSignatory(p.UserName, p.DisplayName, p.Title))],
                Opinion = Evidence(key, s, consolidation),
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

    /// <summary>The counts as the report prints them, and each member's current answer exactly as their device signed it.</summary>
    private static ArchiveOpinion Evidence(string key, OpinionBallotState s, OpinionConsolidation consolidation) => new(
        new ArchiveOpinionReport(key, consolidation.Asked,
            [.. consolidation.Questions.Select(q => new ArchiveOpinionQuestion(q.QuestionId, q.Text, [.. q.Counts.Select(c => new ArchiveOpinionCount(c.Answer, c.Label, c.Count))]))]),
        [.. s.Answers.OrderBy(a => a.Receipt.Position).Select(a => new OpinionAnswerEvidence(
            a.Receipt.Position,
            new Voting.Ballots.BallotContent(key, OpinionKey.AnswerPollId, a.Member, a.Choices, a.Nonce, a.CastAt),
            a.Signature, a.DeviceId, a.PublicKeySpki,
            [.. a.Texts.Select(t => new ArchiveOpinionText(t.QuestionId, t.Text))]))]);
}
