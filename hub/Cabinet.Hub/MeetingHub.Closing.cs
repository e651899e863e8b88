using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Hub.Limits;

namespace Cabinet.Hub;

/// <summary>Conclusions over the hub: the secretary drafts, the chair approves, either publishes. Closing itself is CloseMeeting.</summary>
public sealed partial class MeetingHub
{
    public Task<CommandResult> DraftConclusion(string meetingId, string itemId, string[] paragraphs) =>
        Command(meetingId, (g, a) => g.DraftConclusionAsync(a, itemId, [.. paragraphs ?? []]));

    public Task<CommandResult> ApproveConclusion(string meetingId, string itemId, int revision) =>
        Command(meetingId, (g, a) => g.ApproveConclusionAsync(a, itemId, revision));

    public Task<CommandResult> PublishConclusion(string meetingId, string itemId) =>
        Command(meetingId, (g, a) => g.PublishConclusionAsync(a, itemId));

    [Query]
    public Task<Result<ImmutableArray<string>>> GetConclusionDraft(string meetingId, string itemId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<ImmutableArray<string>>.Refused(refusal))
            : Grain(meetingId).GetConclusionDraftAsync(Caller, itemId);
}
