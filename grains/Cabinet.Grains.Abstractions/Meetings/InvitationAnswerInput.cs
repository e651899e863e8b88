namespace Cabinet.Meetings;

/// <summary>What a participant answers: attend; absent with a reason; or a deputy (user name) who attends in their place.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.invitation-answer-input")]
public sealed record InvitationAnswerInput(AnswerKind Kind, string? Reason = null, string? Deputy = null);
