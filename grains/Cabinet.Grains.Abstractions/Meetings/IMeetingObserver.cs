using Orleans.Concurrency;

namespace Cabinet.Meetings;

/// <summary>A web host's subscription to one meeting's events (one per host and meeting, not one per browser).</summary>
[Alias("cabinet.IMeetingObserver")]
public interface IMeetingObserver : IGrainObserver
{
    [OneWay]
    Task OnMeetingEventAsync(MeetingEvent meetingEvent);

    /// <summary>A poll's live participation count (not a versioned change: counts are coalesced and may skip).</summary>
    [OneWay]
    Task OnPollParticipationAsync(Polls.PollParticipation participation);

    /// <summary>
    /// Ballots were stored (one write of the poll): each voter's receipt for that person's screens only, so every tab
    /// stops offering the ballot.
    /// </summary>
    [OneWay]
    Task OnBallotsStoredAsync(Polls.StoredBallots stored);

    /// <summary>
    /// A shared annotation appeared, changed or went away (not versioned; see <see cref="Documents.AnnotationChange"/>). It
    /// quotes the document, so it goes only to <paramref name="readers"/>: the people who may read that document.
    /// </summary>
    [OneWay]
    Task OnAnnotationAsync(Documents.AnnotationChange change, System.Collections.Immutable.ImmutableHashSet<string> readers);
}
