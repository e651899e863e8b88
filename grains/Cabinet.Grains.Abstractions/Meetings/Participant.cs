using System.Text.Json.Serialization;

namespace Cabinet.Meetings;

/// <param name="Answer">Their answer to the invitation; null means not answered yet.</param>
/// <param name="DeputyFor">For a deputy: the member whose place they take.</param>
[GenerateSerializer, Immutable, Alias("cabinet.participant")]
public sealed record Participant(
    string UserName, string DisplayName, MeetingRole Role, string OrganizationId, string Position,
    InvitationAnswer? Answer = null, string? DeputyFor = null)
{
    [JsonIgnore]
    public AnswerKind AnswerKind => Answer?.Kind ?? AnswerKind.Pending;

    /// <summary>A member of the body: counted for quorum and voting (a deputy never holds the seat itself).</summary>
    [JsonIgnore]
    public bool IsMember => Role is MeetingRole.Chair or MeetingRole.Delegate && DeputyFor is null;
}
