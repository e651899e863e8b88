namespace Cabinet.Opinions;

/// <summary>
/// Where an opinion ballot stands: drafted by the office (dự thảo), submitted to the chair (trình), sent to the members
/// once the chair approved it (đã gửi), closed by the secretary (đã kết thúc). A returned ballot is a draft again.
/// </summary>
public enum OpinionStatus
{
    Draft = 0,
    Submitted = 1,
    Sent = 2,
    Closed = 3,
}
