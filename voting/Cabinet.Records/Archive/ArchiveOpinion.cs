using Cabinet.Voting.Ballots;

namespace Cabinet.Records.Archive;

/// <summary>
/// What an opinion ballot's archive holds beside its report and ledger: the report's counts as data
/// (<c>opinion/report.json</c>) and every member's current answer exactly as they signed it (<c>opinion/answers.jsonl</c>),
/// so a verifier can check each signature and ledger entry and count again.
/// </summary>
public sealed record ArchiveOpinion(ArchiveOpinionReport Report, IReadOnlyList<OpinionAnswerEvidence> Answers);

/// <summary>The consolidated report's counts: how many members were asked and, per question, how many gave each answer.</summary>
public sealed record ArchiveOpinionReport(string BallotId, int Asked, IReadOnlyList<ArchiveOpinionQuestion> Questions);

/// <param name="Counts">By answer: "agree", "disagree", "other", or an option "o1", "o2"…</param>
public sealed record ArchiveOpinionQuestion(string Id, string Text, IReadOnlyList<ArchiveOpinionCount> Counts);

public sealed record ArchiveOpinionCount(string Answer, string Label, int Count);

/// <summary>
/// One member's answer as their device signed it (the ballot content's choices are "qN:agree", "qN:disagree",
/// "qN:other:&lt;SHA-256 of the written opinion&gt;" or "qN:oK"), with the signature (base64 P1363), the device's public key
/// (base64 SPKI) and the written opinions whose hashes the choices carry. <paramref name="Position"/> is the answer's receipt
/// position, as its "opinion.answered" ledger entry gives it.
/// </summary>
public sealed record OpinionAnswerEvidence(long Position, BallotContent Ballot, string Signature, string DeviceId, string DevicePublicKey,
    IReadOnlyList<ArchiveOpinionText> Texts)
{
    /// <summary>The file's bytes: one canonical JSON line per answer, each ending in "\n".</summary>
    public static byte[] Lines(IEnumerable<OpinionAnswerEvidence> answers) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(answers.Select(a => Voting.Canonical.CanonicalJson.SerializeToString(a) + "\n")));
}

public sealed record ArchiveOpinionText(string QuestionId, string Text);

/// <summary>A person whose own signature the archive's PDF must carry (by their certificate's UID), in signing order.</summary>
public sealed record ArchiveSignatory(string UserName, string DisplayName, string Title);
