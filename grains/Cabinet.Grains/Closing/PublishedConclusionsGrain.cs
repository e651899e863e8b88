using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.Closing;

public sealed class PublishedConclusionsGrain(
    [PersistentState("published-conclusions", StorageNames.Meetings)] IPersistentState<PublishedConclusionsState> state)
    : Grain, IPublishedConclusionsGrain
{
    public async Task<CommandResult> PublishAsync(PublishedConclusion conclusion)
    {
        var all = state.State.Conclusions;
        var before = all.FirstOrDefault(c => c.MeetingId == conclusion.MeetingId && c.ItemId == conclusion.ItemId);
        if (before is null && all.Length >= IPublishedConclusionsGrain.MaxPerYear)
        {
            return CommandResult.Refused(ErrorCodes.ConclusionPublicationsFull);
        }

        var next = (before is null ? all : all.Remove(before)).Add(conclusion)
            .OrderByDescending(c => c.MeetingDate).ThenBy(c => c.MeetingId, StringComparer.Ordinal).ThenBy(c => c.PublishedAt)
            .ToImmutableArray();
        state.State = state.State with { Conclusions = next };
        await state.WriteStateAsync();
        return CommandResult.Accepted(0);
    }

    public Task<PublishedConclusionPage> GetPageAsync(int page)
    {
        var all = state.State.Conclusions;
        var size = IPublishedConclusionsGrain.PageSize;
        var pageCount = Math.Max(1, (all.Length + size - 1) / size);
        var shown = page < 1 || page > pageCount ? [] : all.Skip((page - 1) * size).Take(size).ToImmutableArray();
        return Task.FromResult(new PublishedConclusionPage(shown, page, pageCount, all.Length));
    }
}
