using System.Collections.Immutable;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Tallying;

/// <summary>
/// Weighted counts of a poll's accepted ballots. <see cref="Counts"/> follows the motion's option order (for a
/// yes/no motion: yes, no, abstain). <see cref="VotesCast"/> excludes abstentions, so
/// <c>BallotWeight = VotesCast + Abstain</c>. <see cref="ChairChoices"/> is the chair's ballot in a named poll and
/// always empty in a secret poll, where no ballot carries a name.
/// </summary>
public sealed record Tally(
    ImmutableArray<ChoiceCount> Counts,
    int BallotCount,
    long BallotWeight,
    long VotesCast,
    long Abstain,
    ImmutableArray<string> ChairChoices)
{
    public long CountOf(string choice) =>
        Counts.FirstOrDefault(c => string.Equals(c.Choice, choice, StringComparison.Ordinal))?.Votes ?? 0;

    public static Tally Count(Motion motion, Eligibility eligibility, IEnumerable<AcceptedBallot> ballots)
    {
        var votes = motion.Options.ToDictionary(o => o.Id, _ => 0L, StringComparer.Ordinal);
        int ballotCount = 0;
        long ballotWeight = 0, abstain = 0;
        var chairChoices = ImmutableArray<string>.Empty;
        foreach (var ballot in ballots)
        {
            ballotCount++;
            ballotWeight += ballot.Weight;
            if (motion.IsAbstention(ballot.Choices))
            {
                abstain += ballot.Weight;
            }

            foreach (var choice in ballot.Choices)
            {
                if (votes.TryGetValue(choice, out var sum))
                {
                    votes[choice] = sum + ballot.Weight;
                }
            }

            if (ballot.Voter is not null && string.Equals(ballot.Voter, eligibility.Chair, StringComparison.Ordinal))
            {
                chairChoices = ballot.Choices;
            }
        }

        var counts = motion.Options.Select(o => new ChoiceCount(o.Id, votes[o.Id])).ToImmutableArray();
        return new Tally(counts, ballotCount, ballotWeight, ballotWeight - abstain, abstain, chairChoices);
    }
}
