using System.Text.Json;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>
/// The ledger and the signed results must tell the same story: each "poll.closed" entry names a poll whose
/// polls/&lt;id&gt;/result.json is in the archive with the same chain head, ballot count and outcome, and (once the
/// ledger records poll closes at all) each result has its "poll.closed" entry.
/// </summary>
internal static class LedgerAgainstResults
{
    public const string PollClosed = "poll.closed";

    public static (string Code, string Failure)? FirstMismatch(IReadOnlyList<LedgerEntry> ledger, ArchiveManifest manifest, Func<string, byte[]?> read)
    {
        var closed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ledger.Where(e => e.Command == PollClosed))
        {
            using var detail = Parse(entry.Detail);
            var pollId = Text(detail, "pollId");
            if (pollId is null || !ArchivePaths.IsSafeSegment(pollId))
            {
                return Mismatch(ReportLanguage.Say($"{ArchivePaths.Ledger}: mục {entry.Sequence} kết thúc một cuộc biểu quyết mà không có \"pollId\" dùng được",
                    $"{ArchivePaths.Ledger}: entry {entry.Sequence} closes a poll without a usable \"pollId\""));
            }

            closed.Add(pollId);
            var path = ArchivePaths.PollFile(pollId, ArchivePaths.PollResult);
            if (read(path) is not { } resultJson)
            {
                return Mismatch(ReportLanguage.Say($"{ArchivePaths.Ledger}: mục {entry.Sequence} kết thúc cuộc biểu quyết {pollId}, nhưng hồ sơ không có {path}",
                    $"{ArchivePaths.Ledger}: entry {entry.Sequence} closes poll {pollId}, but {path} is not in the archive"));
            }

            using var result = Parse(resultJson);
            foreach (var (ledgerName, resultName) in new[] { ("chainHead", "chainHead"), ("ballotCount", "ballotCount") })
            {
                if (Raw(detail, ledgerName) != Raw(result, resultName))
                {
                    return Mismatch(ReportLanguage.Say($"{path}: {resultName} {Raw(result, resultName)} khác với mục {entry.Sequence} của nhật ký ({Raw(detail, ledgerName)})",
                        $"{path}: its {resultName} {Raw(result, resultName)} differs from the ledger's entry {entry.Sequence} ({Raw(detail, ledgerName)})"));
                }
            }

            if (Raw(detail, "passed") is { } passed && result?.RootElement.TryGetProperty("outcome", out var outcome) == true
                && outcome.ValueKind == JsonValueKind.Object && outcome.TryGetProperty("passed", out var resultPassed) && resultPassed.GetRawText() != passed)
            {
                return Mismatch(ReportLanguage.Say($"{path}: kết quả (passed {resultPassed.GetRawText()}) khác với mục {entry.Sequence} của nhật ký (passed {passed})",
                    $"{path}: its outcome (passed {resultPassed.GetRawText()}) differs from the ledger's entry {entry.Sequence} (passed {passed})"));
            }
        }

        if (closed.Count == 0)
        {
            return null; // a ledger that records no poll closes (an archive's test ledger) has nothing to hold results against
        }

        var unrecorded = manifest.Files.Select(f => f.Path)
            .Where(p => p.StartsWith("polls/", StringComparison.Ordinal) && p.EndsWith("/" + ArchivePaths.PollResult, StringComparison.Ordinal))
            .FirstOrDefault(p => !closed.Contains(p["polls/".Length..p.LastIndexOf('/')]));
        return unrecorded is null ? null
            : Mismatch(ReportLanguage.Say($"{unrecorded}: kết quả đã ký của một cuộc biểu quyết mà nhật ký chưa từng kết thúc", $"{unrecorded}: a signed result for a poll the ledger never closed"));
    }

    private static (string, string) Mismatch(string failure) => (VerdictCodes.LedgerResultsMismatch, failure);

    private static JsonDocument? Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static JsonDocument? Parse(byte[] json)
    {
        try
        {
            var document = JsonDocument.Parse(json, ArchiveJson.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Raw(JsonDocument? document, string name) =>
        document is not null && document.RootElement.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    private static string? Text(JsonDocument? document, string name) =>
        document is not null && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
