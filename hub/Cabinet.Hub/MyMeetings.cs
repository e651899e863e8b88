using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Hub;

/// <summary>
/// The meetings a person may see — their organisation's, and those they are invited to elsewhere — a page at a time,
/// read from the meeting indexes (no meeting grain is activated).
/// </summary>
public sealed class MyMeetings(IGrainFactory grains)
{
    /// <summary>The first page.</summary>
    public async Task<ImmutableArray<MeetingSummary>> ListAsync(Actor actor) => (await ListPageAsync(actor, null)).Value?.Items ?? [];

    public Task<Result<MeetingPage>> ListPageAsync(Actor actor, string? cursor) =>
        grains.GetGrain<IMyMeetingsGrain>(0).GetPageAsync(actor, cursor, MeetingPage.MaxSize);
}
