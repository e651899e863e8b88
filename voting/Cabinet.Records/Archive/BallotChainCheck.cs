using System.Text.Json;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;

namespace Cabinet.Records.Archive;

/// <summary>
/// The production checks of each poll folder: the signed <c>result.json</c> is a Cabinet poll result for that poll;
/// <c>ballots.jsonl</c> (one ballot chain entry per line) links intact to the result's chain head and count; recounting
/// its ballots under the motion and eligibility in the signed result gives the signed tally and outcome; and in a named
/// poll each ballot's device signature (<see cref="BallotEvidence"/>) holds and is the ballot in the chain.
/// </summary>
public static class BallotChainCheck
{
    public static IReadOnlyList<ArchiveFileCheck> All { get; } = [Result(), Create(), Recount(), BallotSignatures()];

    public static ArchiveFileCheck Result() => new(
        "là kết quả biểu quyết Cabinet của chính cuộc biểu quyết này",
        path => PollFiles.IsIn(path, ArchivePaths.PollResult),
        (path, content, _) =>
        {
            PollResultDocument result;
            try
            {
                result = PollFiles.Result(content);
            }
            catch (JsonException e)
            {
                return ReportLanguage.Say($"không phải kết quả biểu quyết Cabinet ({ArchiveJson.Reason(e)})", $"not a Cabinet poll result ({ArchiveJson.Reason(e)})");
            }

            return result.PollId != PollFiles.PollId(path)
                    ? ReportLanguage.Say($"là kết quả của cuộc biểu quyết {result.PollId}, không phải của {PollFiles.PollId(path)}",
                        $"it is the result of poll {result.PollId}, not of {PollFiles.PollId(path)}")
                : result.BallotCount < 0 ? ReportLanguage.Say("số phiếu là số âm", "its ballot count is negative")
                : null;
        })
    { Code = VerdictCodes.ResultInvalid, DescriptionEn = "a Cabinet poll result for this poll" };

    public static ArchiveFileCheck Create() => new(
        "chuỗi phiếu của cuộc biểu quyết khớp với kết quả đã ký",
        path => PollFiles.IsIn(path, PollFiles.Ballots),
        (path, content, read) =>
        {
            var (result, problem) = ReadResult(path, read);
            if (result is null)
            {
                return problem;
            }

            var (entries, unreadable) = PollFiles.Chain(content);
            return unreadable ?? (BallotChain.FindFirstFault(entries, result.ChainHead, result.BallotCount) is { } fault
                ? ReportLanguage.Say($"phiếu {fault.Position} — {fault.ReasonVi}", $"ballot {fault.Position} — {fault.Reason}")
                : null);
        })
    { Code = VerdictCodes.BallotChainBroken, DescriptionEn = "ballot chain of each poll against its signed result" };

    public static ArchiveFileCheck Recount() => new(
        "kiểm đếm lại theo quy tắc trong kết quả đã ký: cùng số phiếu và cùng kết quả",
        path => PollFiles.IsIn(path, PollFiles.Ballots),
        (path, content, read) =>
        {
            var result = ReadResult(path, read).Result!;
            var (entries, _) = PollFiles.Chain(content);
            var tally = Tally.Count(result.Motion, result.Eligibility, entries.Select(e => e.Ballot));
            if (CanonicalJson.SerializeToString(tally) != CanonicalJson.SerializeToString(result.Tally))
            {
                return ReportLanguage.Say($"kiểm đếm lại {entries.Count} phiếu được {Counts(tally)}, nhưng kết quả đã ký ghi {Counts(result.Tally)}",
                    $"recounting its {entries.Count} ballots gives {Counts(tally)}, but the signed result says {Counts(result.Tally)}");
            }

            var outcome = PollDecision.Decide(result.Motion, result.Eligibility, tally);
            return CanonicalJson.SerializeToString(outcome) == CanonicalJson.SerializeToString(result.Outcome) ? null
                : ReportLanguage.Say(
                    $"theo quy tắc đã ký, kiểm đếm lại là {Passed(outcome.Passed)} ({outcome.ExplanationVi}), nhưng kết quả đã ký ghi {Passed(result.Outcome.Passed)}",
                    $"under the signed rule the recount is {Passed(outcome.Passed)} ({outcome.ExplanationEn}), but the signed result says {Passed(result.Outcome.Passed)}");
        })
    { Code = VerdictCodes.TallyMismatch, DescriptionEn = "recounted under the rule in the signed result: the same tally and outcome" };

    public static ArchiveFileCheck BallotSignatures() => new(
        "chữ ký thiết bị của từng phiếu đã được kiểm tra và khớp với mục trong chuỗi",
        path => PollFiles.IsIn(path, BallotEvidence.FileName),
        (path, content, read) =>
        {
            var (evidence, problem) = PollFiles.Lines<BallotEvidence>(content, ReportLanguage.Say("bằng chứng của một phiếu", "a ballot's evidence"));
            var (entries, chainProblem) = PollFiles.Chain(read(PollFiles.Sibling(path, PollFiles.Ballots)) ?? []);
            if ((problem ?? chainProblem) is { } unreadable)
            {
                return unreadable;
            }

            var pollId = PollFiles.PollId(path);
            for (var i = 0; i < Math.Max(evidence.Count, entries.Count); i++)
            {
                if (i >= evidence.Count || i >= entries.Count)
                {
                    return ReportLanguage.Say($"có {evidence.Count} phiếu, trong khi chuỗi có {entries.Count}", $"it holds {evidence.Count} ballots where the chain holds {entries.Count}");
                }

                if (Fault(evidence[i], entries[i], i + 1, pollId) is { } fault)
                {
                    return ReportLanguage.Say($"phiếu {i + 1} ({evidence[i].Ballot?.Voter}, thiết bị {evidence[i].DeviceId}) — {fault}",
                        $"ballot {i + 1} ({evidence[i].Ballot?.Voter}, device {evidence[i].DeviceId}) — {fault}");
                }
            }

            return null;
        })
    { Code = VerdictCodes.BallotSignatureInvalid, DescriptionEn = "each ballot's device signature verified and matched to its chain entry" };

    private static string? Fault(BallotEvidence evidence, BallotChainEntry entry, long position, string pollId)
    {
        byte[] signature, key;
        try
        {
            (signature, key) = (Convert.FromBase64String(evidence.Signature), Convert.FromBase64String(evidence.DevicePublicKey));
        }
        catch (FormatException)
        {
            return ReportLanguage.Say("chữ ký hoặc khóa thiết bị không ở dạng base64", "its signature or device key is not base64");
        }

        var ballot = evidence.Ballot;
        return evidence.Position != position ? ReportLanguage.Say($"phiếu mang số {evidence.Position}", $"it is numbered {evidence.Position}")
            : ballot.PollId != pollId ? ReportLanguage.Say($"phiếu được bỏ trong cuộc biểu quyết {ballot.PollId}", $"it was cast in poll {ballot.PollId}")
            : !BallotSignatureVerifier.Verify(ballot, signature, key)
                ? ReportLanguage.Say("chữ ký không khớp với khóa của thiết bị (phiếu đã bị sửa hoặc không do thiết bị đó ký)",
                    "its signature does not verify against the device's key (the ballot was changed or not signed by that device)")
            : new SignedBallot(ballot, signature).ComputeHash() != entry.Ballot.BallotHash
                ? ReportLanguage.Say("không phải phiếu mà chuỗi ghi ở vị trí đó (mã băm phiếu khác)", "it is not the ballot the chain holds at that position (another ballot hash)")
            : !ballot.Choices.SequenceEqual(entry.Ballot.Choices)
                ? ReportLanguage.Say("chuỗi ghi lựa chọn khác với lựa chọn người biểu quyết đã ký", "the chain records other choices than the voter signed")
            : entry.Ballot.Voter is { } voter && voter != ballot.Voter
                ? ReportLanguage.Say($"chuỗi ghi {voter}, phiếu đã ký ghi {ballot.Voter}", $"the chain names {voter}, the signed ballot {ballot.Voter}")
            : null;
    }

    private static (PollResultDocument? Result, string? Problem) ReadResult(string path, Func<string, byte[]?> read)
    {
        var resultPath = PollFiles.Sibling(path, ArchivePaths.PollResult);
        try
        {
            return read(resultPath) is { } json ? (PollFiles.Result(json), null) : (null, ReportLanguage.Say($"thiếu {resultPath}", $"{resultPath} is missing"));
        }
        catch (JsonException e)
        {
            return (null, ReportLanguage.Say($"{resultPath} không phải kết quả biểu quyết ({ArchiveJson.Reason(e)})", $"{resultPath} is not a poll result ({ArchiveJson.Reason(e)})"));
        }
    }

    private static string Passed(bool passed) => passed ? ReportLanguage.Say("thông qua", "passed") : ReportLanguage.Say("không thông qua", "not passed");

    private static string Counts(Tally tally) => string.Join(", ", tally.Counts.Select(c => $"{c.Choice} {c.Votes}"));
}
