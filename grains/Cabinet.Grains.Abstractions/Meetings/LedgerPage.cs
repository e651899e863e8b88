using System.Collections.Immutable;
using Cabinet.Voting.Ledger;

namespace Cabinet.Meetings;

/// <summary>
/// Consecutive ledger entries from the requested sequence on: at most <see cref="MaxEntries"/>, and no more than fit in
/// about <see cref="MaxBytes"/> of JSON, so every page stays far below the hub's 64 KiB message limit.
/// </summary>
/// <param name="LastSequence">The ledger's last entry now (0 for none): the reader knows how far there is to go.</param>
/// <param name="NextSequence">Where the next page starts; null when this page reaches <paramref name="LastSequence"/>.</param>
[GenerateSerializer, Immutable, Alias("cabinet.ledger-page")]
public sealed record LedgerPage(ImmutableArray<LedgerEntry> Entries, long LastSequence, long? NextSequence)
{
    public const int MaxEntries = 500;

    public const int MaxBytes = 32 * 1024;
}
