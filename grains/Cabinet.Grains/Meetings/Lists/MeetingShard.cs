using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The rules both index shards share: the newest version of an entry wins (a late or repeated push changes nothing),
/// and the owner's catalog learns about the shard before its first entry is stored.
/// </summary>
internal sealed class MeetingShard<T>(IPersistentState<MeetingShardState<T>> state, Func<T, string> idOf, Func<T, long> versionOf)
{
    public ImmutableArray<T> Entries => [.. state.State.Entries.Values];

    public async Task UpsertAsync(T entry, Func<Task> catalog)
    {
        var id = idOf(entry);
        if (state.State.Entries.TryGetValue(id, out var existing) && (versionOf(existing) > versionOf(entry) || Equals(existing, entry)))
        {
            return;
        }

        if (!state.State.Cataloged)
        {
            await catalog();
            state.State = state.State with { Cataloged = true };
        }

        state.State = state.State with { Entries = state.State.Entries.SetItem(id, entry) };
        await WriteAsync();
    }

    public async Task RemoveAsync(string meetingId, long version)
    {
        if (state.State.Entries.TryGetValue(meetingId, out var existing) && versionOf(existing) <= version)
        {
            state.State = state.State with { Entries = state.State.Entries.Remove(meetingId) };
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The meeting grain repairs what it could not push; drop the unstored change here and reload the truth.
            await state.ReadStateAsync();
            throw;
        }
    }
}
