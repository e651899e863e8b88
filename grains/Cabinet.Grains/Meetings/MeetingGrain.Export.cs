using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>What an export reads: the state, and the speeches a ledger page at a time (the state keeps only recent ones).</summary>
public sealed partial class MeetingGrain
{
    public Task<Result<MeetingSnapshot>> GetExportSnapshotAsync(Actor actor) => Task.FromResult(ExportRefusal(actor) is { } refusal
        ? Result<MeetingSnapshot>.Refused(refusal)
        : Result<MeetingSnapshot>.Of(state.State.ToSnapshot(MeetingId)));

    public async Task<Result<SpeechPage>> GetSpeechPageAsync(Actor actor, long fromSequence)
    {
        if (ExportRefusal(actor) is { } refusal)
        {
            return Result<SpeechPage>.Refused(refusal);
        }

        var page = await GetLedgerPageAsync(actor, fromSequence, LedgerPage.MaxEntries);
        return !page.Ok ? Result<SpeechPage>.Refused(page.Error!) : Result<SpeechPage>.Of(new SpeechPage(
            [.. SpeechRecord.ReadAll(page.Value!.Entries).Select(r => new SpokenTurn(r.Item, r.UserName, r.StartedAt, r.Seconds, r.PointOfOrder, r.LimitSeconds, r.Ending?.ToString()))],
            page.Value.NextSequence));
    }

    private CabinetError? ExportRefusal(Actor actor) =>
        !state.State.Exists ? ErrorCodes.MeetingNotFound
        : !MeetingPermissions.MayExport(MeetingAccess.RoleOf(state.State, actor)) ? ErrorCodes.Forbidden
        : null;
}
