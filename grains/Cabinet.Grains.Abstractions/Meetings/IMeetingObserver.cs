using Orleans.Concurrency;

namespace Cabinet.Meetings;

/// <summary>A web host's subscription to one meeting's events (one per host and meeting, not one per browser).</summary>
[Alias("cabinet.IMeetingObserver")]
public interface IMeetingObserver : IGrainObserver
{
    [OneWay]
    Task OnMeetingEventAsync(MeetingEvent meetingEvent);
}
