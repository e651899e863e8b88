using Cabinet.Voting.Tallying;

namespace Cabinet.Polls;

/// <summary>
/// What the room sees of a closed poll: the decision, the counts and the chain head, and the hash of the signed result
/// document. The document itself (with its voter list, as long as the meeting is big) and its signature stay in the
/// poll grain and are fetched on demand (GetPollResult, the result download), so the meeting's state and the
/// poll-closed event stay small at any size.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.poll-result-summary")]
public sealed record PollResultSummary(
    PollOutcome Outcome,
    long BallotCount,
    string ChainHead,
    string SignerSubject,
    Tally Tally,
    string? DocumentSha256);
