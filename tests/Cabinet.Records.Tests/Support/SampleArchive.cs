using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Minutes;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Tests.Support;

/// <summary>A sealed archive of the sample meeting: twice-signed minutes, a 12-entry ledger, one poll with ballots.</summary>
public static class SampleArchive
{
    public static readonly ArchiveFileCheck BallotsAreJsonLines = new(
        "every ballot line is JSON",
        path => path.EndsWith("/ballots.jsonl", StringComparison.Ordinal),
        (_, content, _) => Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => (line, i)).FirstOrDefault(l => !l.line.StartsWith('{')) is { line: not null } bad
                ? $"ballot line {bad.i + 1} is not JSON" : null);

    /// <summary>Two versions of the plan and the report, as the document store keeps them.</summary>
    public static IReadOnlyList<(MinutesDocument Listed, byte[] Bytes)> Documents { get; } =
    [
        Document("Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026", "2", "%PDF-1.7 kế hoạch, bản 2"),
        Document("Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026", "3", "%PDF-1.7 kế hoạch, bản 3"),
        Document("Báo cáo đánh giá tình hình thực hiện năm 2025", "1", "%PDF-1.7 báo cáo"),
    ];

    /// <summary>A classified version: listed by hash, its bytes never in the archive.</summary>
    public static MinutesDocument Classified { get; } = new("Tờ trình (mật) về quy hoạch đất quốc phòng", "1", new string('c', 64), MinutesDocument.Classified);

    private static (MinutesDocument, byte[]) Document(string title, string version, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return (new MinutesDocument(title, version, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))), bytes);
    }

    /// <param name="access">An access summary to seal in (none: the archive has no access-summary.json, as before it existed).</param>
    public static async Task<byte[]> CreateAsync(CertificatesFixture certificates, AccessSummary? access = null)
    {
        var (_, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var ledger = new List<LedgerEntry>();
        string[] commands = ["OpenMeeting", "MarkPresent", "MarkPresent", "MoveToItem", "GrantFloor", "GrantFloor",
            "OpenPoll", "ClosePoll", "ApproveConclusion", "MoveToItem", "ApproveConclusion", "CloseMeeting"];
        foreach (var command in commands)
        {
            ledger.Add(LedgerEntry.Next(ledger.LastOrDefault(), ledger.Count + 1, SampleMinutes.Start.AddMinutes(ledger.Count * 10),
                "chair:tran-van-binh", command, $"{{\"n\":{ledger.Count}}}"));
        }

        var poll = new ArchivePoll("poll-1", """{"poll":"poll-1","for":11,"against":2,"abstain":1,"outcome":"Thông qua"}"""u8.ToArray())
        {
            Files = new Dictionary<string, byte[]> { ["ballots.jsonl"] = "{\"voter\":\"a\"}\n{\"voter\":\"b\"}\n"u8.ToArray() },
        };
        var meeting = new SealedMeeting("UBND xã Tân Phú", "tan-phu/2026-03-12", "Phiên họp thường kỳ tháng 3 năm 2026",
            SampleMinutes.Start.AddHours(3.5), minutes, ledger, [.. Documents.Select(d => d.Listed), Classified])
        {
            Polls = [poll],
            OrganisationId = "tan-phu",
            DocumentFiles = Documents.ToDictionary(d => d.Listed.Sha256, d => d.Bytes),
            Access = access,
        };
        return await ArchiveWriter.WriteAsync(meeting, certificates.Organisation);
    }
}
