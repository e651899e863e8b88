namespace Cabinet.Meetings;

/// <summary>The two parts of "my meetings", in the order they are listed.</summary>
internal enum MeetingPagePart
{
    /// <summary>Starting at or after the boundary (shortly before now, so a meeting running now is here): soonest first.</summary>
    Upcoming = 0,

    /// <summary>Before the boundary: newest first.</summary>
    Past = 1,
}
