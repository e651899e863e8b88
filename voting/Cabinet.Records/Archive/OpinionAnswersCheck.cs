using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>
/// What an opinion ballot's archive must say together: every answer in opinion/answers.jsonl is signed by the device key
/// beside it, for this ballot, by the member its "opinion.answered" ledger entry names (the entry's actor), with the
/// hash that entry chains, and it is that member's last answer; every member the ledger has answering has one; each
/// written opinion is the text whose hash the answer signed; and counting the answers again gives opinion/report.json's counts.
/// </summary>
internal static class OpinionAnswersCheck
{
    public const string Answered = "opinion.answered";

    public static (string Code, string Failure)? FirstMismatch(IReadOnlyList<LedgerEntry> ledger, ArchiveManifest manifest, Func<string, byte[]?> read)
    {
        if (!manifest.IsOpinion)
        {
            return null;
        }

        if (read(ArchivePaths.OpinionReport) is not { } reportJson || read(ArchivePaths.OpinionAnswers) is not { } answersJsonl)
        {
            return (VerdictCodes.ManifestInvalid, ReportLanguage.Say(
                $"{ArchiveManifest.FileName}: hồ sơ phiếu lấy ý kiến phải có {ArchivePaths.OpinionReport} và {ArchivePaths.OpinionAnswers}",
                $"{ArchiveManifest.FileName}: an opinion ballot's archive must hold {ArchivePaths.OpinionReport} and {ArchivePaths.OpinionAnswers}"));
        }

        ArchiveOpinionReport report;
        try
        {
            report = ArchiveJson.Deserialize<ArchiveOpinionReport>(reportJson);
        }
        catch (JsonException e)
        {
            return (VerdictCodes.ContentInvalid, ReportLanguage.Say($"{ArchivePaths.OpinionReport}: không phải số liệu báo cáo tổng hợp ({ArchiveJson.Reason(e)})",
                $"{ArchivePaths.OpinionReport}: not a consolidated report's counts ({ArchiveJson.Reason(e)})"));
        }

        var (answers, problem) = PollFiles.Lines<OpinionAnswerEvidence>(answersJsonl, ReportLanguage.Say("một câu trả lời đã ký", "a signed answer"));
        if (problem is not null)
        {
            return Invalid($"{ArchivePaths.OpinionAnswers}: {problem}");
        }

        // Each member's last answer as the ledger chained it (a changed answer replaces the earlier one).
        var last = new Dictionary<string, (string Hash, long Position, long Sequence)>(StringComparer.Ordinal);
        foreach (var entry in ledger.Where(e => e.Command == Answered))
        {
            using var detail = JsonDocument.Parse(Encoding.UTF8.GetBytes(entry.Detail), ArchiveJson.DocumentOptions);
            if (!detail.RootElement.TryGetProperty("ballotHash", out var hash) || hash.ValueKind != JsonValueKind.String
                || !detail.RootElement.TryGetProperty("position", out var position) || !position.TryGetInt64(out var at))
            {
                return Invalid(ReportLanguage.Say($"{ArchivePaths.Ledger}: mục {entry.Sequence} ghi một câu trả lời không có mã băm hay số thứ tự",
                    $"{ArchivePaths.Ledger}: entry {entry.Sequence} records an answer without its hash or position"));
            }

            last[entry.Actor] = (hash.GetString()!, at, entry.Sequence);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var where = ReportLanguage.Say($"{ArchivePaths.OpinionAnswers}: dòng {i + 1}", $"{ArchivePaths.OpinionAnswers}: line {i + 1}");
            if (Answer(answers[i], manifest, last) is { } wrong)
            {
                return Invalid($"{where} ({answers[i].Ballot?.Voter}): {wrong}");
            }

            if (!seen.Add(answers[i].Ballot.Voter))
            {
                return Invalid(ReportLanguage.Say($"{where}: {answers[i].Ballot.Voter} có hai câu trả lời", $"{where}: {answers[i].Ballot.Voter} answers twice"));
            }
        }

        if (last.Keys.FirstOrDefault(m => !seen.Contains(m)) is { } missing)
        {
            return Invalid(ReportLanguage.Say($"{ArchivePaths.OpinionAnswers}: thiếu câu trả lời của {missing}, mà nhật ký ghi ở mục {last[missing].Sequence}",
                $"{ArchivePaths.OpinionAnswers}: the answer of {missing}, which the ledger records at entry {last[missing].Sequence}, is missing"));
        }

        return Recount(report, answers);
    }

    /// <summary>Why one signed answer does not hold, or null.</summary>
    private static string? Answer(OpinionAnswerEvidence answer, ArchiveManifest manifest, Dictionary<string, (string Hash, long Position, long Sequence)> last)
    {
        var ballot = answer.Ballot;
        if (ballot.MeetingId != manifest.MeetingId)
        {
            return ReportLanguage.Say($"trả lời phiếu {ballot.MeetingId}, không phải phiếu này", $"it answers ballot {ballot.MeetingId}, not this one");
        }

        byte[] signature, key;
        try
        {
            (signature, key) = (Convert.FromBase64String(answer.Signature), Convert.FromBase64String(answer.DevicePublicKey));
        }
        catch (FormatException)
        {
            return ReportLanguage.Say("chữ ký hoặc khóa thiết bị không phải base64", "its signature or device key is not base64");
        }

        if (!BallotSignatureVerifier.Verify(ballot, signature, key))
        {
            return ReportLanguage.Say("chữ ký của thiết bị không khớp với nội dung câu trả lời", "the device's signature does not match the answer");
        }

        var hash = new SignedBallot(ballot, signature).ComputeHash();
        if (!last.TryGetValue(ballot.Voter, out var recorded))
        {
            return ReportLanguage.Say("nhật ký không ghi câu trả lời nào của người này", "the ledger records no answer by this member");
        }

        if (recorded.Hash != hash || recorded.Position != answer.Position)
        {
            return ReportLanguage.Say($"mã băm {hash[..12]}… không phải câu trả lời cuối cùng nhật ký ghi cho người này (mục {recorded.Sequence})",
                $"its hash {hash[..12]}… is not this member's last answer in the ledger (entry {recorded.Sequence})");
        }

        foreach (var choice in ballot.Choices)
        {
            var parts = choice.Split(':');
            var text = answer.Texts.FirstOrDefault(t => t.QuestionId == parts[0]);
            if ((parts is [_, "other", _]) != (text is not null)
                || (text is not null && Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Text))) != parts[2]))
            {
                return ReportLanguage.Say($"ý kiến viết cho câu {parts[0]} không phải nội dung người trả lời đã ký", $"the written opinion on {parts[0]} is not the text the member signed");
            }
        }

        return answer.Texts.Any(t => !ballot.Choices.Any(c => c.StartsWith(t.QuestionId + ":other:", StringComparison.Ordinal)))
            ? ReportLanguage.Say("có ý kiến viết cho câu không được trả lời là ý kiến khác", "it carries a written opinion on a question not answered \"other\"")
            : null;
    }

    /// <summary>Each question's counts again from the answers, against the report's.</summary>
    private static (string, string)? Recount(ArchiveOpinionReport report, List<OpinionAnswerEvidence> answers)
    {
        if (answers.Count > report.Asked)
        {
            return (VerdictCodes.TallyMismatch, ReportLanguage.Say($"{ArchivePaths.OpinionReport}: {answers.Count} câu trả lời nhưng chỉ {report.Asked} thành viên được hỏi",
                $"{ArchivePaths.OpinionReport}: {answers.Count} answers but only {report.Asked} members asked"));
        }

        foreach (var question in report.Questions)
        {
            var given = answers.Select(a => a.Ballot.Choices.FirstOrDefault(c => c.StartsWith(question.Id + ":", StringComparison.Ordinal))?.Split(':')[1]).ToList();
            var counted = question.Counts.Sum(c => c.Count);
            var wrong = question.Counts.FirstOrDefault(c => given.Count(g => g == c.Answer) != c.Count);
            if (wrong is not null || counted != given.Count(g => g is not null))
            {
                var shown = string.Join(", ", question.Counts.Select(c => $"{c.Label} {given.Count(g => g == c.Answer)}"));
                return (VerdictCodes.TallyMismatch, ReportLanguage.Say(
                    $"{ArchivePaths.OpinionReport}: câu \"{question.Text}\" — đếm lại các câu trả lời đã ký được {shown}, khác với báo cáo",
                    $"{ArchivePaths.OpinionReport}: question \"{question.Text}\" — recounting the signed answers gives {shown}, not the report's counts"));
            }
        }

        return null;
    }

    private static (string, string) Invalid(string failure) => (VerdictCodes.OpinionAnswerInvalid, failure);
}
