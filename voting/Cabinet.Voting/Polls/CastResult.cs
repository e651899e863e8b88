using Cabinet.Voting.Ballots;
using Cabinet.Voting.Errors;

namespace Cabinet.Voting.Polls;

/// <summary>
/// The poll after a ballot was offered, and either the receipt or the refusal. <see cref="Replayed"/> is true when
/// the exact same ballot had already been accepted: <see cref="Book"/> is unchanged and the receipt is the original.
/// </summary>
public sealed record CastResult(PollBook Book, Receipt? Receipt, VotingError? Error, bool Replayed)
{
    public bool Accepted => Receipt is not null;
}
