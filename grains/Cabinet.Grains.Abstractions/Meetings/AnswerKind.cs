namespace Cabinet.Meetings;

/// <summary>A participant's answer to their invitation.</summary>
public enum AnswerKind
{
    Pending = 0,
    Attending = 1,
    Absent = 2,
    Deputy = 3,
}
