using Microsoft.Extensions.Logging;

namespace Cabinet.Documents;

/// <summary>Moving a document's annotations from the old single state into the per-annotation store.</summary>
public sealed partial class AnnotationGrain
{
    /// <summary>
    /// Copies every annotation of the old state, then its header, then clears the old state. A crash part of the way
    /// leaves the old state in place, so the next activation copies it all again (the same entries, overwritten);
    /// nothing is written to the store by a call until the old state is gone, so the copy never overwrites a newer change.
    /// </summary>
    private async Task MoveLegacyStateAsync()
    {
        var old = legacy.State;
        if (old.Annotations.Count == 0 && old.NextNumber <= 1 && old.ReanchoredThrough == 0)
        {
            return;
        }

        var header = new AnnotationHeader(Math.Max(old.NextNumber, 1), old.ReanchoredThrough);
        await store.PutAsync(MeetingId, DocumentId, [.. old.Annotations.Select(a => KeyValuePair.Create(a.AnnotationId, AnnotationJson.Write(a))), Entry(header)]);
        await legacy.ClearStateAsync();
        LogMoved(this.GetPrimaryKeyString(), old.Annotations.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annotations {Key}: moved {Count} annotations from the old single state to one entry each")]
    private partial void LogMoved(string key, int count);
}
