using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The room list after a cursor, in the order of user names (ordinal): at most <see cref="MaxItems"/> and no more than fit
/// in about <see cref="MaxBytes"/> of JSON, at least one when any is left. Keyed by user name, so people invited while a
/// client pages neither repeat nor shift the rest; changes after a page was read arrive as events.
/// </summary>
/// <param name="Version">The meeting's version when the page was read: events after it apply on top.</param>
/// <param name="Total">How many participants the meeting has now.</param>
/// <param name="NextAfter">The cursor for the next page (the last item's user name); null on the last page.</param>
[GenerateSerializer, Immutable, Alias("cabinet.roster-page")]
public sealed record RosterPage(ImmutableArray<RosterEntry> Items, long Version, int Total, string? NextAfter)
{
    public const int MaxItems = 200;

    public const int MaxBytes = 32 * 1024;
}
