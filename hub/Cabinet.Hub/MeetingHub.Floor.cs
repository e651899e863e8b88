using Cabinet.Errors;
using Cabinet.Hub.Limits;
using Cabinet.Meetings;

namespace Cabinet.Hub;

/// <summary>The floor: requests to speak, speeches, acknowledgements and the chair's view of the room.</summary>
public sealed partial class MeetingHub
{
    public Task<CommandResult> RequestFloor(string meetingId, FloorRequestInput request) =>
        Command(meetingId, (g, a) => g.RequestFloorAsync(a, request));

    public Task<CommandResult> WithdrawFloorRequest(string meetingId) => Command(meetingId, (g, a) => g.WithdrawFloorRequestAsync(a));

    public Task<CommandResult> AddToFloorQueue(string meetingId, string userName, FloorRequestInput request) =>
        Command(meetingId, (g, a) => g.AddToFloorQueueAsync(a, userName, request));

    public Task<CommandResult> RemoveFromFloorQueue(string meetingId, string userName) =>
        Command(meetingId, (g, a) => g.RemoveFromFloorQueueAsync(a, userName));

    public Task<CommandResult> ReorderFloorQueue(string meetingId, string[] userNames) =>
        Command(meetingId, (g, a) => g.ReorderFloorQueueAsync(a, [.. userNames ?? []]));

    public Task<CommandResult> GrantFloor(string meetingId, FloorGrant grant) => Command(meetingId, (g, a) => g.GrantFloorAsync(a, grant));

    public Task<CommandResult> EndSpeech(string meetingId) => Command(meetingId, (g, a) => g.EndSpeechAsync(a));

    public Task<CommandResult> SetSpeakingTime(string meetingId, int seconds) => Command(meetingId, (g, a) => g.SetSpeakingTimeAsync(a, seconds));

    public Task<CommandResult> SetDefaultSpeakingTime(string meetingId, int seconds) =>
        Command(meetingId, (g, a) => g.SetDefaultSpeakingTimeAsync(a, seconds));

    /// <summary>Tells the chair's room view that this client applied the meeting up to <paramref name="version"/>. No answer, no event.</summary>
    [Query]
    public Task AcknowledgeVersion(string meetingId, long version) =>
        Refusal(meetingId) is null ? Grain(meetingId).AcknowledgeVersionAsync(Caller, version) : Task.CompletedTask;

    [Query]
    public Task<Result<RoomView>> GetRoom(string meetingId) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(Result<RoomView>.Refused(refusal)) : Grain(meetingId).GetRoomAsync(Caller);
}
