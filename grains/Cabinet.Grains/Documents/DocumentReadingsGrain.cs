using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Documents;

/// <summary>Who opened one document first, and when. Callers (the file endpoint) have checked the reader's right already.</summary>
public sealed class DocumentReadingsGrain(
    [PersistentState("readings", StorageNames.Meetings)] IPersistentState<DocumentReadingsState> state) : Grain, IDocumentReadingsGrain
{
    private string DocumentId => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('#') + 1)..];

    public async Task RecordAsync(string userName, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(userName) || state.State.FirstOpened.ContainsKey(userName))
        {
            return;
        }

        state.State = state.State with { FirstOpened = state.State.FirstOpened.Add(userName, at) };
        await state.WriteStateAsync();
    }

    public Task<DocumentReadings> GetAsync() =>
        Task.FromResult(new DocumentReadings(DocumentId, state.State.FirstOpened.Count, [.. state.State.FirstOpened
            .OrderBy(r => r.Value).Take(DocumentReadings.MaxListed).Select(r => new DocumentReading(DocumentId, r.Key, r.Value))]));
}
