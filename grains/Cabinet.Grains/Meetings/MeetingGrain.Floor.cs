using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>The floor: requests to speak, speeches, and the chair's view of the room.</summary>
public sealed partial class MeetingGrain
{
    private readonly RoomAcknowledgements _acknowledgements = new();

    public Task<CommandResult> RequestFloorAsync(Actor actor, FloorRequestInput request) =>
        ExecuteAsync(actor, c => FloorDecisions.Request(state.State, c, request));

    public Task<CommandResult> WithdrawFloorRequestAsync(Actor actor) => ExecuteAsync(actor, c => FloorDecisions.Withdraw(state.State, c));

    public Task<CommandResult> AddToFloorQueueAsync(Actor actor, string userName, FloorRequestInput request) =>
        ExecuteAsync(actor, c => FloorDecisions.Add(state.State, c, userName, request));

    public Task<CommandResult> RemoveFromFloorQueueAsync(Actor actor, string userName) =>
        ExecuteAsync(actor, c => FloorDecisions.Remove(state.State, c, userName));

    public Task<CommandResult> ReorderFloorQueueAsync(Actor actor, ImmutableArray<string> userNames) =>
        ExecuteAsync(actor, c => FloorDecisions.Reorder(state.State, c, userNames));

    public Task<CommandResult> GrantFloorAsync(Actor actor, FloorGrant grant) => ExecuteAsync(actor, c => SpeechDecisions.Grant(state.State, c, grant));

    public Task<CommandResult> EndSpeechAsync(Actor actor) => ExecuteAsync(actor, c => SpeechDecisions.End(state.State, c));

    public Task<CommandResult> SetSpeakingTimeAsync(Actor actor, int seconds) =>
        ExecuteAsync(actor, c => SpeechDecisions.SetSpeakingTime(state.State, c, seconds));

    public Task<CommandResult> SetDefaultSpeakingTimeAsync(Actor actor, int seconds) =>
        ExecuteAsync(actor, c => SpeechDecisions.SetDefaultSpeakingTime(state.State, c, seconds));

    public Task AcknowledgeVersionAsync(Actor actor, long version)
    {
        if (state.State.Exists && state.State.RoleOf(actor.UserName) != MeetingRole.None)
        {
            _acknowledgements.Acknowledge(actor.UserName, version, state.State.Version);
        }

        return Task.CompletedTask;
    }

    public async Task<Result<RoomView>> GetRoomAsync(Actor actor)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return Result<RoomView>.Refused(ErrorCodes.MeetingNotFound);
        }

        if (!MeetingAccess.CanPrepare(s, actor))
        {
            return Result<RoomView>.Refused(ErrorCodes.Forbidden);
        }

        // Who has voted is shown for an open named poll only: in a secret poll the room does not watch who votes when.
        var poll = s.Polls.FirstOrDefault(p => p.Status == Voting.Polls.PollStatus.Open && p.Motion.Secrecy == Voting.Motions.Secrecy.Named);
        var notYetVoted = poll is null ? null : (await Poll(poll.PollId).GetParticipationAsync(withNames: true)).NotYetVoted;

        var queue = s.Status == MeetingStatus.Live ? s.Floor.For(s.Current?.ItemId).Queue : [];
        var seats = s.Participants.Select(p =>
        {
            var request = queue.FirstOrDefault(r => r.UserName == p.UserName);
            var acknowledged = _acknowledgements.Of(p.UserName);
            return new RoomSeat(
                p.UserName, p.DisplayName, p.Role, s.Attendance.Any(a => a.UserName == p.UserName && a.Connected),
                request is not null, request?.PointOfOrder == true, s.Floor.Speaking?.UserName == p.UserName,
                acknowledged, acknowledged >= s.Version,
                poll is null || !poll.EligibleVoters.Contains(p.UserName) ? null : notYetVoted?.Contains(p.UserName) == false);
        });
        return Result<RoomView>.Of(new RoomView(s.Version, [.. seats]));
    }
}
