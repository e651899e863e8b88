namespace Cabinet.Meetings;

/// <summary>Why a speech ended.</summary>
public enum SpeechEnding
{
    /// <summary>The chair (or the speaker) ended it.</summary>
    Ended = 0,

    /// <summary>The chair gave the floor to someone else while it ran.</summary>
    Superseded = 1,

    /// <summary>The chair moved to another agenda item.</summary>
    ItemChanged = 2,

    /// <summary>The chair closed the meeting.</summary>
    MeetingClosed = 3,
}
