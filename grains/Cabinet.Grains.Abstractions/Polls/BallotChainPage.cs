using System.Collections.Immutable;
using Cabinet.Voting.Ballots;

namespace Cabinet.Polls;

/// <summary>
/// Entries of a closed poll's ballot chain after position <c>after</c>, at most <see cref="MaxEntries"/> (about 35 KB:
/// far below the hub's 64 KiB at any size of meeting), with the chain's length and head to check the walk against.
/// </summary>
/// <param name="NextAfter">The position to ask from for the next page; null on the last page.</param>
[GenerateSerializer, Immutable, Alias("cabinet.ballot-chain-page")]
public sealed record BallotChainPage(string PollId, ImmutableArray<BallotChainEntry> Entries, int Count, string Head, int? NextAfter)
{
    public const int MaxEntries = 100;

    public static BallotChainPage Of(BallotChain chain, int after, int count)
    {
        var from = Math.Clamp(after, 0, chain.Count);
        var take = Math.Min(Math.Clamp(count, 1, MaxEntries), chain.Count - from);
        var entries = chain.Entries.IsDefault ? [] : chain.Entries.Slice(from, take);
        return new(chain.PollId, entries, chain.Count, chain.Head, from + take < chain.Count ? from + take : null);
    }
}
