using System.Collections.Immutable;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Polls;

/// <summary>
/// Who has voted as one bit per eligible voter, in the frozen eligibility's order: its size is fixed when the poll
/// opens, and like <see cref="PollBook.VotersWhoVoted"/> it says nothing about the order of voting (a secret poll's
/// ballots carry no name, so this is where a stored poll keeps who voted).
/// </summary>
public static class VoterMarks
{
    public static byte[] Of(Eligibility eligibility, IReadOnlySet<string> voted)
    {
        var marks = new byte[(eligibility.Voters.Length + 7) / 8];
        for (var i = 0; i < eligibility.Voters.Length; i++)
        {
            if (voted.Contains(eligibility.Voters[i].UserName))
            {
                marks[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return marks;
    }

    public static ImmutableHashSet<string> Read(Eligibility eligibility, byte[]? marks)
    {
        var voted = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        for (var i = 0; i < eligibility.Voters.Length && marks is not null && i / 8 < marks.Length; i++)
        {
            if ((marks[i / 8] & (1 << (i % 8))) != 0)
            {
                voted.Add(eligibility.Voters[i].UserName);
            }
        }

        return voted.ToImmutable();
    }
}
