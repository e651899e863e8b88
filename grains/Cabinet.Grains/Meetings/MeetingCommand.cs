using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>The context every decision gets: which meeting, who asks, and the time of the request.</summary>
internal sealed record MeetingCommand(string MeetingId, Actor Actor, DateTimeOffset At)
{
    /// <summary>The event that an accepted command on <paramref name="state"/> produces; parts are added with <c>with</c>.</summary>
    public MeetingEvent EventOn(MeetingState state, string kind) => new(MeetingId, state.Version + 1, kind, At, Actor.UserName);
}
