using Cabinet.Voting.Canonical;
using Cabinet.Voting.Chains;

namespace Cabinet.Voting.Ledger;

/// <summary>
/// One accepted command in a meeting's append-only ledger. <see cref="Hash"/> chains it to the entry before:
/// <c>Hash = SHA-256(PreviousHash ‖ canonical JSON of every other field)</c>.
/// </summary>
public sealed record LedgerEntry(
    long Sequence,
    long Version,
    DateTimeOffset At,
    string Actor,
    string Command,
    string Detail,
    string PreviousHash,
    string Hash)
{
    public static LedgerEntry Next(LedgerEntry? previous, long version, DateTimeOffset at, string actor, string command, string detail)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? HashChain.Genesis;
        var body = new LedgerBody(sequence, version, at, actor, command, detail);
        return new LedgerEntry(sequence, version, at, actor, command, detail, previousHash,
            HashChain.Link(previousHash, CanonicalJson.Serialize(body)));
    }

    /// <summary>The hash this entry should carry given its own fields; differs from <see cref="Hash"/> if anything was altered.</summary>
    public string ComputeHash() =>
        HashChain.Link(PreviousHash, CanonicalJson.Serialize(new LedgerBody(Sequence, Version, At, Actor, Command, Detail)));

    private sealed record LedgerBody(long Sequence, long Version, DateTimeOffset At, string Actor, string Command, string Detail);
}
