namespace Cabinet.Meetings;

/// <summary>Thường kỳ, chuyên đề, bất thường.</summary>
public enum MeetingKind
{
    Regular = 0,
    Thematic = 1,
    Extraordinary = 2,
}
