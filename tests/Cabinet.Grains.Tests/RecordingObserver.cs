using System.Collections.Concurrent;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>An observer that keeps every meeting event it is sent, for comparing with the snapshot.</summary>
internal sealed class RecordingObserver : IMeetingObserver
{
    private readonly ConcurrentQueue<MeetingEvent> _events = new();

    public Task OnMeetingEventAsync(MeetingEvent meetingEvent)
    {
        _events.Enqueue(meetingEvent);
        return Task.CompletedTask;
    }

    public Task OnPollParticipationAsync(Polls.PollParticipation participation) => Task.CompletedTask;

    public Task OnBallotsStoredAsync(Polls.StoredBallots stored) => Task.CompletedTask;

    public Task OnAnnotationAsync(Documents.AnnotationChange change, System.Collections.Immutable.ImmutableHashSet<string> readers) => Task.CompletedTask;

    public async Task<List<MeetingEvent>> WaitForAsync(int count)
    {
        for (var i = 0; i < 200 && _events.Count < count; i++)
        {
            await Task.Delay(25);
        }

        return [.. _events.OrderBy(e => e.Version)];
    }
}
