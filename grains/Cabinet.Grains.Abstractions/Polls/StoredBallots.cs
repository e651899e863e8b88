using System.Collections.Immutable;
using Cabinet.Voting.Ballots;

namespace Cabinet.Polls;

/// <summary>
/// Ballots that one write of a poll stored (its group commit), told to the meeting in one message: the participation
/// after them, for the room, and each ballot's receipt, for its voter's screens only. At most <see cref="MaxBallots"/>
/// ballots a message; a larger write is told in several.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.stored-ballots")]
public sealed record StoredBallots(PollParticipation Participation, ImmutableArray<StoredBallot> Ballots)
{
    public const int MaxBallots = 500;

    /// <summary>What the voter of <paramref name="ballot"/> is told on their screens.</summary>
    public MyBallot For(StoredBallot ballot) => new(Participation.MeetingId, Participation.PollId, Voted: true, ballot.Receipt);
}

/// <summary>One stored ballot: who cast it and the receipt they were given.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.stored-ballot")]
public sealed record StoredBallot(string Voter, Receipt Receipt);
