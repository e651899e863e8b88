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
        "a Cabinet poll result for this poll",
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
                return $"not a Cabinet poll result ({ArchiveJson.Reason(e)})";
            }

            return result.PollId != PollFiles.PollId(path) ? $"it is the result of poll {result.PollId}, not of {PollFiles.PollId(path)}"
                : result.BallotCount < 0 ? "its ballot count is negative"
                : null;
        })
    { Code = VerdictCodes.ResultInvalid };

    public static ArchiveFileCheck Create() => new(
        "ballot chain of each poll against its signed result",
        path => PollFiles.IsIn(path, PollFiles.Ballots),
        (path, content, read) =>
        {
            var (result, problem) = ReadResult(path, read);
            if (result is null)
            {
                return problem;
            }

            var (entries, unreadable) = PollFiles.Chain(content);
            return unreadable ?? (BallotChain.FindFirstFault(entries, result.ChainHead, result.BallotCount) is { } fault ? $"ballot {fault.Position} — {fault.Reason}" : null);
        })
    { Code = VerdictCodes.BallotChainBroken };

    public static ArchiveFileCheck Recount() => new(
        "recounted under the rule in the signed result: the same tally and outcome",
        path => PollFiles.IsIn(path, PollFiles.Ballots),
        (path, content, read) =>
        {
            var result = ReadResult(path, read).Result!;
            var (entries, _) = PollFiles.Chain(content);
            var tally = Tally.Count(result.Motion, result.Eligibility, entries.Select(e => e.Ballot));
            if (CanonicalJson.SerializeToString(tally) != CanonicalJson.SerializeToString(result.Tally))
            {
                return $"recounting its {entries.Count} ballots gives {Counts(tally)}, but the signed result says {Counts(result.Tally)}";
            }

            var outcome = PollDecision.Decide(result.Motion, result.Eligibility, tally);
            return CanonicalJson.SerializeToString(outcome) == CanonicalJson.SerializeToString(result.Outcome) ? null
                : $"under the signed rule the recount is {(outcome.Passed ? "passed" : "not passed")} ({outcome.ExplanationEn}), but the signed result says {(result.Outcome.Passed ? "passed" : "not passed")}";
        })
    { Code = VerdictCodes.TallyMismatch };

    public static ArchiveFileCheck BallotSignatures() => new(
        "each ballot's device signature verified and matched to its chain entry",
        path => PollFiles.IsIn(path, BallotEvidence.FileName),
        (path, content, read) =>
        {
            var (evidence, problem) = PollFiles.Lines<BallotEvidence>(content, "a ballot's evidence");
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
                    return $"it holds {evidence.Count} ballots where the chain holds {entries.Count}";
                }

                if (Fault(evidence[i], entries[i], i + 1, pollId) is { } fault)
                {
                    return $"ballot {i + 1} ({evidence[i].Ballot?.Voter}, device {evidence[i].DeviceId}) — {fault}";
                }
            }

            return null;
        })
    { Code = VerdictCodes.BallotSignatureInvalid };

    private static string? Fault(BallotEvidence evidence, BallotChainEntry entry, long position, string pollId)
    {
        byte[] signature, key;
        try
        {
            (signature, key) = (Convert.FromBase64String(evidence.Signature), Convert.FromBase64String(evidence.DevicePublicKey));
        }
        catch (FormatException)
        {
            return "its signature or device key is not base64";
        }

        var ballot = evidence.Ballot;
        return evidence.Position != position ? $"it is numbered {evidence.Position}"
            : ballot.PollId != pollId ? $"it was cast in poll {ballot.PollId}"
            : !BallotSignatureVerifier.Verify(ballot, signature, key) ? "its signature does not verify against the device's key (the ballot was changed or not signed by that device)"
            : new SignedBallot(ballot, signature).ComputeHash() != entry.Ballot.BallotHash ? "it is not the ballot the chain holds at that position (another ballot hash)"
            : !ballot.Choices.SequenceEqual(entry.Ballot.Choices) ? "the chain records other choices than the voter signed"
            : entry.Ballot.Voter is { } voter && voter != ballot.Voter ? $"the chain names {voter}, the signed ballot {ballot.Voter}"
            : null;
    }

    private static (PollResultDocument? Result, string? Problem) ReadResult(string path, Func<string, byte[]?> read)
    {
        var resultPath = PollFiles.Sibling(path, ArchivePaths.PollResult);
        try
        {
            return read(resultPath) is { } json ? (PollFiles.Result(json), null) : (null, $"{resultPath} is missing");
        }
        catch (JsonException e)
        {
            return (null, $"{resultPath} is not a poll result ({ArchiveJson.Reason(e)})");
        }
    }

    private static string Counts(Tally tally) => string.Join(", ", tally.Counts.Select(c => $"{c.Choice} {c.Votes}"));
}
