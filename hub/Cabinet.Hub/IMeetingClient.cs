using Cabinet.Meetings;

namespace Cabinet.Hub;

/// <summary>What the server sends to a connected client. Method names are the SignalR event names.</summary>
public interface IMeetingClient
{
    /// <summary>The next change of a meeting the client joined; apply it if its version is yours + 1, otherwise catch up.</summary>
    Task MeetingEvent(MeetingEvent meetingEvent);

    /// <summary>The meeting's current version, sent now and then; a client behind it should call GetEventsSince.</summary>
    Task MeetingVersion(string meetingId, long version);

    /// <summary>How many have voted in an open poll (counts only, coalesced; never names or choices).</summary>
    Task PollParticipation(Polls.PollParticipation participation);

    /// <summary>
    /// The caller's own ballot was stored (cast from this or another of their connections), with its receipt; sent only
    /// to that person's connections. Stop offering the ballot. After a reconnect ask <c>GetMyBallot</c>.
    /// </summary>
    Task BallotRecorded(Polls.MyBallot ballot);

    /// <summary>A shared annotation appeared, changed or went away (Shared null: remove it). Not versioned: list again after a reconnect.</summary>
    Task AnnotationChanged(Documents.AnnotationChange change);

    /// <summary>The caller's notice box changed (a notice arrived or was read): the unread count, and the new notice if any. Sent once the connection called <c>ListNotices</c>.</summary>
    Task NoticesChanged(NoticeCount count);

    /// <summary>A step of an opinion ballot this connection follows (<c>FollowOpinionBallot</c>); read the ballot again.</summary>
    Task OpinionEvent(Opinions.OpinionEvent opinionEvent);
}
