namespace Cabinet.Meetings;

/// <summary>
/// How a participant answered: attending, absent (with a reason), or sending a deputy (ủy quyền) — a named person who
/// attends in their place. <see cref="At"/> is when the grain accepted it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.invitation-answer")]
public sealed record InvitationAnswer(AnswerKind Kind, string? Reason = null, string? Deputy = null, DateTimeOffset? At = null)
{
    public const int MaxReason = 300;

    public static InvitationAnswer Pending { get; } = new(AnswerKind.Pending);
}
