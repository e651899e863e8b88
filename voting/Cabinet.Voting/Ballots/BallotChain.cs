using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Cabinet.Voting.Chains;

namespace Cabinet.Voting.Ballots;

/// <summary>
/// A poll's accepted ballots in order, hash-chained from <see cref="HashChain.Genesis"/>. The head and count go
/// into the signed result, so removing, reordering or altering any entry (including the last) is detectable.
/// </summary>
public sealed record BallotChain(string PollId, ImmutableArray<BallotChainEntry> Entries)
{
    /// <summary>
    /// Positions by ballot hash, for the replay check every ballot makes (a scan made a burst quadratic), with the
    /// entries it was built for: a chain made any other way (a <c>with</c>, a deserialised one) builds its own at the
    /// first look. Not part of the chain's value, equality or JSON.
    /// </summary>
    private (ImmutableArray<BallotChainEntry> For, ImmutableDictionary<string, int> Positions) _byBallotHash;

    public static BallotChain Empty(string pollId) => new(pollId, []);

    [JsonIgnore]
    public string Head => Entries.IsDefaultOrEmpty ? HashChain.Genesis : Entries[^1].Hash;

    [JsonIgnore]
    public int Count => Entries.IsDefault ? 0 : Entries.Length;

    public (BallotChain Chain, Receipt Receipt) Append(string ballotHash, ImmutableArray<string> choices, int weight, string? voter)
    {
        var entry = BallotChainEntry.After(Head, new AcceptedBallot(Count + 1, ballotHash, choices, weight, voter));
        var entries = Entries.IsDefault ? [entry] : Entries.Add(entry);
        var known = Positions();
        var positions = known.ContainsKey(ballotHash) ? known : known.Add(ballotHash, entries.Length - 1);
        var next = this with { Entries = entries };
        next._byBallotHash = (entries, positions);
        return (next, ReceiptFor(entry));
    }

    public BallotChainEntry? FindByBallotHash(string ballotHash) =>
        ballotHash is not null && Positions().TryGetValue(ballotHash, out var at) ? Entries[at] : null;

    private ImmutableDictionary<string, int> Positions()
    {
        if (Entries.IsDefault)
        {
            return ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);
        }

        if (_byBallotHash.Positions is null || _byBallotHash.For != Entries)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Entries.Length; i++)
            {
                // The first of two equal hashes, as the scan found it (a chain with a repeat is refused by FindFirstFault).
                if (Entries[i]?.Ballot?.BallotHash is { } hash)
                {
                    builder.TryAdd(hash, i);
                }
            }

            _byBallotHash = (Entries, builder.ToImmutable());
        }

        return _byBallotHash.Positions;
    }

    public bool Equals(BallotChain? other) =>
        other is not null && string.Equals(PollId, other.PollId, StringComparison.Ordinal) && Entries.Equals(other.Entries);

    public override int GetHashCode() => HashCode.Combine(PollId, Entries);

    public Receipt ReceiptFor(BallotChainEntry entry) => new(PollId, entry.Ballot.Position, entry.Ballot.BallotHash, entry.Hash);

    /// <summary>True when the chain is intact and holds the receipt's ballot at the receipt's position with the receipt's chain hash.</summary>
    public bool Contains(Receipt receipt)
    {
        if (receipt is null || !string.Equals(receipt.PollId, PollId, StringComparison.Ordinal)
            || receipt.Position < 1 || receipt.Position > Count || FindFirstFault(Entries) is not null)
        {
            return false;
        }

        var entry = Entries[(int)receipt.Position - 1];
        return string.Equals(entry.Ballot.BallotHash, receipt.BallotHash, StringComparison.Ordinal)
            && string.Equals(entry.Hash, receipt.ChainHash, StringComparison.Ordinal);
    }

    /// <param name="expectedHead">The head from the signed result, when known: catches a removed last entry.</param>
    /// <param name="expectedCount">The ballot count from the signed result, when known.</param>
    /// <returns>null when intact, otherwise the first broken position and why.</returns>
    public static BallotChainFault? FindFirstFault(IEnumerable<BallotChainEntry> entries, string? expectedHead = null, long? expectedCount = null)
    {
        var previous = HashChain.Genesis;
        long position = 1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry?.Ballot is null || entry.Ballot.Choices.IsDefault || entry.Ballot.BallotHash is null)
            {
                return new BallotChainFault(position, "the entry is incomplete", "mục không đầy đủ");
            }

            if (entry.Ballot.Position != position)
            {
                return new BallotChainFault(position, $"entry {entry.Ballot.Position} stands where entry {position} should",
                    $"mục {entry.Ballot.Position} nằm ở vị trí của mục {position}");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new BallotChainFault(position, "its previous hash does not match the entry before it",
                    "mã băm trước đó không khớp với mục liền trước");
            }

            if (!string.Equals(SafeComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new BallotChainFault(position, "its content does not match its hash", "nội dung không khớp với mã băm");
            }

            if (!seen.Add(entry.Ballot.BallotHash))
            {
                return new BallotChainFault(position, "the same ballot appears twice", "cùng một phiếu xuất hiện hai lần");
            }

            previous = entry.Hash;
            position++;
        }

        if (expectedCount is { } count && count != position - 1)
        {
            return new BallotChainFault(position, $"the chain has {position - 1} entries where the result says {count}",
                $"chuỗi có {position - 1} mục, kết quả ghi {count}");
        }

        return expectedHead is not null && !string.Equals(expectedHead, previous, StringComparison.Ordinal)
            ? new BallotChainFault(position, "the chain head does not match the result", "mã băm cuối chuỗi không khớp với kết quả")
            : null;
    }

    private static string? SafeComputeHash(BallotChainEntry entry)
    {
        try
        {
            return entry.ComputeHash();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
