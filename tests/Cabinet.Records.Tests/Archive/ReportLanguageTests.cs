using System.Text;
using System.Text.RegularExpressions;
using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;

namespace Cabinet.Records.Tests.Archive;

/// <summary>
/// The verifier's report is Vietnamese by default, every line of it, and English under <see cref="ReportLanguage.English"/>:
/// the same check, the same codes, another wording.
/// </summary>
public sealed class ReportLanguageTests(CertificatesFixture certificates)
{
    // Words an English sentence cannot do without; none belongs in a Vietnamese line (names, codes and paths hold none).
    private static readonly string[] EnglishWords = [" the ", " is ", " not ", " was ", " and ", " of ", "signed by", " its ", " by ", "valid", "intact"];

    [Fact]
    public async Task The_same_failing_archive_is_reported_in_english_only_when_asked()
    {
        var swapped = SwapLedgerLines(await ChainedSampleArchive.GetAsync(certificates));

        var vietnamese = Verify(swapped);
        Assert.Equal(VerdictCodes.LedgerBroken, vietnamese.Code);
        Assert.StartsWith("ledger.jsonl: mục 4 nằm ở vị trí của mục 3 (tệp khác với bảng kê đã niêm phong: mã SHA-256 khác)", vietnamese.Failure);
        Assert.StartsWith("KHÔNG HỢP LỆ [archive.ledger_broken]: Sổ nhật ký (ledger) bị sửa, thiếu hoặc đảo thứ tự — ledger.jsonl: mục 4", vietnamese.Verdict);

        ArchiveVerificationReport english;
        using (ReportLanguage.English())
        {
            english = Verify(swapped);
            Assert.StartsWith("INVALID [archive.ledger_broken]: The ledger was altered, truncated or reordered — ledger.jsonl: entry 4", english.Verdict);
        }

        Assert.False(ReportLanguage.IsEnglish);
        Assert.Equal(vietnamese.Code, english.Code);
        Assert.Equal(vietnamese.Lines.Count, english.Lines.Count);
        Assert.StartsWith("ledger.jsonl: entry 4 stands where entry 3 should (the file differs from the sealed manifest: its SHA-256 differs)", english.Failure);
        Assert.Equal("FAILED [archive.ledger_broken]: " + english.Failure, english.Lines[^1]);
        Assert.Contains(english.Lines, l => l.StartsWith("The archive holds ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_line_of_archive_reports_is_vietnamese()
    {
        var archive = await ChainedSampleArchive.GetAsync(certificates);
        var reports = new Dictionary<string, ArchiveVerificationReport>
        {
            ["valid"] = Verify(archive),
            ["no root"] = ArchiveVerifier.Verify(new MemoryStream(archive), new ArchiveTrust(null), BallotChainCheck.All),
            ["ledger lines swapped"] = Verify(SwapLedgerLines(archive)),
            ["file added"] = Verify(ZipRewriter.Rewrite(archive, (_, content) => content, ("notes.txt", "x"u8.ToArray()))),
            ["file removed"] = Verify(ZipRewriter.Rewrite(archive, (path, content) => path == "polls/poll-1/result.p7s" ? null : content)),
            ["minutes grown"] = Verify(ZipRewriter.Rewrite(archive, (path, content) => path == "minutes.pdf" ? [.. content, .. new byte[965]] : content)),
            ["manifest edited"] = Verify(ZipRewriter.Rewrite(archive, (path, content) => path == "manifest.json" ? Edit(content) : content)),
            ["empty"] = Verify([]),
        };
        Assert.True(reports["valid"].IsValid, reports["valid"].Failure);
        Assert.All(reports.Where(r => r.Key is not ("valid" or "no root")), r => Assert.False(r.Value.IsValid, r.Key));
        AssertVietnamese(reports);
    }

    [Fact]
    public async Task Every_line_of_a_standalone_minutes_report_is_vietnamese()
    {
        var (unsigned, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var root = certificates.Authority.RootCertificate;
        var reports = new Dictionary<string, ArchiveVerificationReport>
        {
            ["valid"] = MinutesFileVerifier.Verify(minutes, root),
            ["no root"] = MinutesFileVerifier.Verify(minutes, new ArchiveTrust(null)),
            ["appended"] = MinutesFileVerifier.Verify([.. minutes, .. "% appended\n"u8.ToArray()], root),
            ["unsigned"] = MinutesFileVerifier.Verify(unsigned, root),
            ["not pinned"] = MinutesFileVerifier.Verify(minutes, new ArchiveTrust(root, new string('A', 64))),
            ["unreadable"] = MinutesFileVerifier.Verify(HostilePdf.SelfReferencingLength(), root),
            ["too deep"] = MinutesFileVerifier.Verify(HostilePdf.DeepNesting(1_000), root),
        };
        Assert.True(reports["valid"].IsValid, reports["valid"].Failure);
        AssertVietnamese(reports);
    }

    private static void AssertVietnamese(Dictionary<string, ArchiveVerificationReport> reports)
    {
        foreach (var (what, report) in reports)
        {
            // The codes ("[archive.minutes_invalid]") stay as they are in every language.
            foreach (var line in report.Lines.Append(report.Verdict).Select(l => Regex.Replace(l, @"\[[a-z_.]+\]", "")))
            {
                var english = EnglishWords.FirstOrDefault(w => line.Contains(w, StringComparison.OrdinalIgnoreCase));
                Assert.True(english is null, $"{what}: \"{english}\" in: {line}");
            }
        }
    }

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, BallotChainCheck.All);

    private static byte[] SwapLedgerLines(byte[] archive) => ZipRewriter.Rewrite(archive, (path, content) =>
    {
        if (path != "ledger.jsonl")
        {
            return content;
        }

        var lines = Encoding.UTF8.GetString(content).Split('\n').ToList();
        (lines[2], lines[3]) = (lines[3], lines[2]);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    });

    private static byte[] Edit(byte[] manifest) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(manifest).Replace("\"ledgerEntries\":", "\"ledgerEntries\": ", StringComparison.Ordinal));
}
