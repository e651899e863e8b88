using Cabinet.Voting.Canonical;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Polls;

/// <summary>
/// The frozen result of a closed poll: what was asked, who could vote, the counts, the decision, and the ballot
/// chain's head and length (which pin every accepted ballot). Its canonical bytes are what the organisation signs.
/// </summary>
public sealed record PollResultDocument(
    string MeetingId,
    string PollId,
    Motion Motion,
    Eligibility Eligibility,
    Tally Tally,
    PollOutcome Outcome,
    string ChainHead,
    int BallotCount,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt)
{
    public byte[] ToCanonicalBytes() => CanonicalJson.Serialize(this);
}
