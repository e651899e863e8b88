using System.Collections.Immutable;
using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.Hub.Limits;

namespace Cabinet.Hub;

/// <summary>
/// Conclusions over the hub: the secretary drafts, the chair approves, either publishes. Closing itself is CloseMeeting;
/// after it the minutes: comments during the review, the secretary's redraft, the signatures of the secretary then the
/// chair from their own devices (Begin, then Complete), the clerk's seal.
/// </summary>
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

    public Task<CommandResult> CommentOnMinutes(string meetingId, string text) =>
        Command(meetingId, (g, a) => g.CommentOnMinutesAsync(a, text));

    public Task<CommandResult> RedraftMinutes(string meetingId) =>
        Command(meetingId, (g, a) => g.RedraftMinutesAsync(a));

    public Task<Result<MinutesSigningChallenge>> BeginMinutesSignature(string meetingId, string deviceId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<MinutesSigningChallenge>.Refused(refusal))
            : Grain(meetingId).BeginMinutesSignatureAsync(Caller, deviceId);

    public Task<CommandResult> CompleteMinutesSignature(string meetingId, string signatureBase64) =>
        Command(meetingId, (g, a) => g.CompleteMinutesSignatureAsync(a, signatureBase64));

    public Task<CommandResult> SealMinutes(string meetingId) =>
        Command(meetingId, (g, a) => g.SealMinutesAsync(a));
}
