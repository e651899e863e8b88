using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Archive;

/// <summary>
/// The archive is evidence: each ballot's device signature, each recount, the ledger against the results and the
/// documents' bytes are re-checked, so an insider holding the organisation's key and re-chaining everything consistently
/// is still caught at the first file that does not hold.
/// </summary>
public sealed class ArchiveEvidenceTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task A_flipped_ballot_rechained_and_resealed_with_the_genuine_key_is_caught_at_its_signature()
    {
        // Ballot 1 (chutich, "yes") becomes "no": the poll now fails 1 to 2. Chain, result, ledger and manifest are
        // rebuilt and signed with the organisation's real key; only the delegate's device signature cannot be remade.
        var forged = ChainedSampleArchive.Poll.Flipped(0, "no");
        Assert.False(forged.Result.Outcome.Passed);
        var report = Verify(await ResealedAroundAsync(forged, withEvidence: true));
        Assert.Equal(VerdictCodes.BallotSignatureInvalid, report.Code);
        Assert.Equal("polls/poll-1/ballot-evidence.jsonl: phiếu 1 (chutich, thiết bị d1-device) — chữ ký không khớp với khóa của thiết bị "
            + "(phiếu đã bị sửa hoặc không do thiết bị đó ký)", report.Failure);
        Assert.StartsWith("KHÔNG HỢP LỆ [archive.ballot_signature_invalid]: Chữ ký của một phiếu biểu quyết không hợp lệ — polls/poll-1/ballot-evidence.jsonl: phiếu 1", report.Verdict);
    }

    [Fact]
    public async Task A_chain_entry_flipped_without_touching_the_evidence_is_named_as_another_ballot_than_signed()
    {
        // Chain, result and ledger agree with each other; only the evidence still holds what the delegate signed.
        var forged = ChainedSampleArchive.Poll.Flipped(2, "yes");
        var report = Verify(await ResealedAroundAsync(forged, withEvidence: false));
        Assert.Equal(VerdictCodes.BallotSignatureInvalid, report.Code);
        Assert.StartsWith("polls/poll-1/ballot-evidence.jsonl: phiếu 3 (daibieu2, thiết bị d3-device) — không phải phiếu mà chuỗi ghi", report.Failure);
    }

    [Fact]
    public async Task Reordered_chain_lines_are_blamed_on_the_chain_not_on_the_evidence_checked_against_it()
    {
        var genuine = await ChainedSampleArchive.GetAsync(certificates);
        var lines = Encoding.UTF8.GetString(ArchiveResealer.Entries(genuine)["polls/poll-1/ballots.jsonl"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var swapped = ZipRewriter.Rewrite(genuine, (path, content) =>
            path == "polls/poll-1/ballots.jsonl" ? Encoding.UTF8.GetBytes(string.Concat(new[] { lines[1], lines[0], lines[2] }.Select(l => l + "\n"))) : content);
        var report = Verify(swapped);
        Assert.Equal(VerdictCodes.BallotChainBroken, report.Code);
        Assert.StartsWith("polls/poll-1/ballots.jsonl: phiếu 1 — mục 2 nằm ở vị trí của mục 1", report.Failure);
    }

    [Fact]
    public async Task A_signed_result_whose_tally_is_not_the_recount_is_named()
    {
        var genuine = await ChainedSampleArchive.GetAsync(certificates);
        var result = Encoding.UTF8.GetString(ArchiveResealer.Entries(genuine)["polls/poll-1/result.json"]);
        var changed = result.Replace("{\"choice\":\"no\",\"votes\":1}", "{\"choice\":\"no\",\"votes\":0}", StringComparison.Ordinal);
        Assert.NotEqual(result, changed);
        var report = Verify(ArchiveResealer.Reseal(genuine, certificates.Organisation, new Dictionary<string, byte[]> { ["polls/poll-1/result.json"] = Encoding.UTF8.GetBytes(changed) }));
        Assert.Equal(VerdictCodes.TallyMismatch, report.Code);
        Assert.Equal("polls/poll-1/ballots.jsonl: kiểm đếm lại 3 phiếu được yes 2, no 1, abstain 0, nhưng kết quả đã ký ghi yes 2, no 0, abstain 0", report.Failure);
    }

    [Fact]
    public async Task A_ledger_that_closes_the_poll_with_another_outcome_is_named()
    {
        var poll = ChainedSampleArchive.Poll;
        var ledger = ChainedSampleArchive.PollClosedLedger(poll, passed: false);
        var archive = ArchiveResealer.Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Organisation,
            new Dictionary<string, byte[]> { ["ledger.jsonl"] = ledger.Lines }, manifest => manifest with { LedgerEntries = ledger.Count, LedgerHead = ledger.Head });
        var report = Verify(archive);
        Assert.Equal(VerdictCodes.LedgerResultsMismatch, report.Code);
        Assert.Equal("polls/poll-1/result.json: kết quả (passed true) khác với mục 3 của nhật ký (passed false)", report.Failure);

        var otherHead = ChainedSampleArchive.PollClosedLedger(poll, chainHead: new string('0', 64));
        var headReport = Verify(ArchiveResealer.Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Organisation,
            new Dictionary<string, byte[]> { ["ledger.jsonl"] = otherHead.Lines }, manifest => manifest with { LedgerEntries = otherHead.Count, LedgerHead = otherHead.Head }));
        Assert.StartsWith("polls/poll-1/result.json: chainHead \"", headReport.Failure);
    }

    [Fact]
    public async Task The_ledgers_issued_document_versions_must_be_the_listed_ones()
    {
        var listed = SampleArchive.Documents.Select(d => (d.Listed.Sha256, int.Parse(d.Listed.Version, System.Globalization.CultureInfo.InvariantCulture)))
            .Append((SampleArchive.Classified.Sha256, 1)).ToList();
        Assert.True(Verify(await WithLedgerAsync(ChainedSampleArchive.PollClosedLedger(ChainedSampleArchive.Poll, issued: listed))).IsValid);

        var report = Verify(await WithLedgerAsync(ChainedSampleArchive.PollClosedLedger(ChainedSampleArchive.Poll, issued: listed.Skip(1))));
        Assert.Equal(VerdictCodes.LedgerDocumentsMismatch, report.Code);
        Assert.Equal("documents.json: ghi \"Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026\" phiên bản 2, nhật ký chưa từng ban hành phiên bản này", report.Failure);

        var unlisted = Verify(await WithLedgerAsync(ChainedSampleArchive.PollClosedLedger(ChainedSampleArchive.Poll, issued: [.. listed, (new string('d', 64), 4)])));
        Assert.StartsWith("documents.json: không ghi phiên bản 4 (dddddddddddd…) do mục ", unlisted.Failure);
    }

    [Fact]
    public async Task A_document_whose_bytes_were_left_out_or_swapped_is_named()
    {
        var genuine = await ChainedSampleArchive.GetAsync(certificates);
        var document = ArchivePaths.Document(SampleArchive.Documents[0].Listed.Sha256);
        var removed = ArchiveResealer.Reseal(ZipRewriter.Rewrite(genuine, (path, content) => path == document ? null : content), certificates.Organisation,
            new Dictionary<string, byte[]>(), manifest => manifest with { Files = [.. manifest.Files.Where(f => f.Path != document)] });
        var report = Verify(removed);
        Assert.Equal(VerdictCodes.DocumentsInvalid, report.Code);
        Assert.Equal($"documents.json: ghi \"Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026\" phiên bản 2, nhưng nội dung ({document}) không có trong hồ sơ", report.Failure);

        var swapped = ArchiveResealer.Reseal(genuine, certificates.Organisation, new Dictionary<string, byte[]> { [document] = "%PDF-1.7 bản khác"u8.ToArray() });
        var swappedReport = Verify(swapped);
        Assert.Equal(VerdictCodes.DocumentsInvalid, swappedReport.Code);
        Assert.StartsWith($"{document}: mã SHA-256 là ", swappedReport.Failure);
    }

    [Fact]
    public async Task A_file_grown_after_sealing_reports_how_many_bytes_were_added()
    {
        var grown = ZipRewriter.Rewrite(await ChainedSampleArchive.GetAsync(certificates), (path, content) => path == "minutes.pdf" ? [.. content, .. new byte[965]] : content);
        var report = Verify(grown);
        Assert.Equal(VerdictCodes.MinutesInvalid, report.Code);
        Assert.Contains("một bản cập nhật tăng dần 965 byte được nối sau chữ ký cuối cùng", report.Failure);
        Assert.Contains("(thêm 965 byte)", report.Failure);
    }

    /// <summary>The genuine archive with the forged poll's chain, result, ledger (and evidence) in place, sealed with the genuine key.</summary>
    private async Task<byte[]> ResealedAroundAsync(NamedPoll forged, bool withEvidence)
    {
        var ledger = ChainedSampleArchive.PollClosedLedger(forged);
        var changes = new Dictionary<string, byte[]>
        {
            ["ledger.jsonl"] = ledger.Lines,
            ["polls/poll-1/ballots.jsonl"] = forged.ChainLines(),
            ["polls/poll-1/result.json"] = forged.Result.ToCanonicalBytes(),
        };
        if (withEvidence)
        {
            changes["polls/poll-1/ballot-evidence.jsonl"] = forged.EvidenceLines();
        }

        return ArchiveResealer.Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Organisation, changes,
            manifest => manifest with { LedgerEntries = ledger.Count, LedgerHead = ledger.Head });
    }

    private async Task<byte[]> WithLedgerAsync((byte[] Lines, long Count, string Head) ledger) =>
        ArchiveResealer.Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Organisation,
            new Dictionary<string, byte[]> { ["ledger.jsonl"] = ledger.Lines }, manifest => manifest with { LedgerEntries = ledger.Count, LedgerHead = ledger.Head });

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, BallotChainCheck.All);
}
