using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The last few hundred events of a meeting, kept in memory so a client that missed some can catch up
/// without a full snapshot. Empty after the grain reactivates; older gaps are answered with a snapshot.
/// </summary>
internal sealed class RecentEvents(int capacity)
{
    private readonly Queue<MeetingEvent> _events = new();

    public void Add(MeetingEvent meetingEvent)
    {
        if (_events.Count == capacity)
        {
            _events.Dequeue();
        }

        _events.Enqueue(meetingEvent);
    }

    /// <returns>The events after <paramref name="version"/> up to <paramref name="current"/>, or null if some are no longer held.</returns>
    public ImmutableArray<MeetingEvent>? Since(long version, long current)
    {
        if (version >= current)
        {
            return [];
        }

        if (!_events.TryPeek(out var oldest) || oldest.Version > version + 1)
        {
            return null;
        }

        return _events.Where(e => e.Version > version).ToImmutableArray();
    }
}
