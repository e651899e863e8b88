using Cabinet.Voting.Ballots;

namespace Cabinet.Polls;

/// <summary>
/// One person's own ballot in a poll, told only to that person: whether they voted and, when the server can say, the
/// receipt. A secret poll's chain does not name voters, so there the receipt is known only where the ballot was cast
/// (and in the push right after it, to every screen of that person).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.my-ballot")]
public sealed record MyBallot(string MeetingId, string PollId, bool Voted, Receipt? Receipt);
