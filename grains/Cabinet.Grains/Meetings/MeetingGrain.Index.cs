using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// Keeps the organisation's and the participants' meeting indexes up to date. The debt is stored with the command
/// (<see cref="MeetingIndexing.Debt"/>); paying it after the write never fails or holds up the command: a failure is
/// logged and retried by a timer, and a debt found on activation is paid then.
/// </summary>
public sealed partial class MeetingGrain
{
    private static readonly TimeSpan IndexRetry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _indexRepair;

    public Task RepairIndexAsync()
    {
        if (state.State.Exists)
        {
            state.State = state.State with { IndexDebt = MeetingIndexing.Merge(state.State.IndexDebt, MeetingIndexDebt.All, state.State) };
        }

        return PayIndexDebtAsync();
    }

    private void RepairIndexOnActivation()
    {
        if (state.State.Exists && state.State.IndexSchema < MeetingIndexing.Schema)
        {
            state.State = state.State with { IndexDebt = MeetingIndexDebt.All };
        }

        if (state.State.IndexDebt is not null)
        {
            ScheduleIndexRepair(TimeSpan.FromSeconds(1));
        }
    }

    private async Task PayIndexDebtAsync()
    {
        var s = state.State;
        if (s.IndexDebt is not { } debt)
        {
            return;
        }

        try
        {
            await Task.WhenAll(Pushes(s, debt));
            if (ReferenceEquals(state.State.IndexDebt, debt))
            {
                state.State = state.State with { IndexDebt = null };
            }

            _indexRepair?.Dispose();
            _indexRepair = null;
        }
        catch (Exception ex)
        {
            LogIndexPushFailed(ex, MeetingId);
            ScheduleIndexRepair(IndexRetry);
        }
    }

    private IEnumerable<Task> Pushes(MeetingState s, MeetingIndexDebt debt)
    {
        if (debt.Listing || debt.Everything)
        {
            yield return GrainFactory.GetGrain<IOrganizationMeetingsGrain>(MeetingIndexing.OrganizationShard(s)).UpsertAsync(MeetingIndexing.Listing(MeetingId, s));
        }

        var wanted = debt.Invited.ToHashSet(StringComparer.Ordinal);
        var invited = debt.Everything ? s.Participants : [.. s.Participants.Where(p => wanted.Contains(p.UserName))];
        foreach (var participant in invited)
        {
            yield return GrainFactory.GetGrain<IPersonMeetingsGrain>(MeetingIndexing.PersonShard(s, participant.UserName))
                .UpsertAsync(MeetingIndexing.Invitation(MeetingId, s, participant));
        }

        foreach (var shard in debt.OrganizationRemovals)
        {
            yield return GrainFactory.GetGrain<IOrganizationMeetingsGrain>(shard).RemoveAsync(MeetingId, s.Version);
        }

        foreach (var shard in debt.PersonRemovals)
        {
            yield return GrainFactory.GetGrain<IPersonMeetingsGrain>(shard).RemoveAsync(MeetingId, s.Version);
        }
    }

    private void ScheduleIndexRepair(TimeSpan due) =>
        _indexRepair ??= this.RegisterGrainTimer(_ => PayIndexDebtAsync(), new GrainTimerCreationOptions(due, IndexRetry));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: updating the meeting indexes failed; retrying")]
    private partial void LogIndexPushFailed(Exception exception, string meetingId);
}
