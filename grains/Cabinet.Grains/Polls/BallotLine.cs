using System.Text;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;

namespace Cabinet.Polls;

/// <summary>
/// One accepted ballot as the poll's journal (<see cref="PollGrain.JournalName"/>) keeps it: its chain entry and, in a
/// named poll, the ballot as signed. Each is one <see cref="LedgerEntry"/> at the ballot's position, naming no actor and
/// dated when the poll opened, so in a secret poll the journal says no more than the published chain.
/// </summary>
public sealed record BallotLine(BallotChainEntry Entry, BallotEvidenceRecord? Evidence)
{
    public const string Command = "ballot";

    /// <summary>The journal entries of <paramref name="lines"/> (in chain order), following <paramref name="head"/>.</summary>
    public static List<LedgerEntry> Chain(LedgerEntry? head, DateTimeOffset openedAt, IEnumerable<BallotLine> lines)
    {
        var entries = new List<LedgerEntry>();
        foreach (var line in lines)
        {
            head = LedgerEntry.Next(head, line.Entry.Ballot.Position, openedAt, "", Command, CanonicalJson.SerializeToString(line));
            entries.Add(head);
        }

        return entries;
    }

    public static BallotLine Of(LedgerEntry entry) => CanonicalJson.Deserialize<BallotLine>(Encoding.UTF8.GetBytes(entry.Detail));
}
