namespace Cabinet.Documents;

/// <summary>
/// The annotations of each document, one small entry per annotation plus the document's header, so that a change
/// writes its own entry and never the others: the cost of a write does not grow with how many annotations there are.
/// Entry names are short lowercase slugs ("a17", "header"). The document's annotation grain is the only writer and
/// calls one method at a time; it keeps the entries in memory, so reading them all happens once per activation.
/// </summary>
public interface IAnnotationStore
{
    /// <summary>Every entry of the document, by name; empty when it has none.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(string meetingId, string documentId);

    /// <summary>
    /// Stores the entries in order, each replacing any earlier one of its name whole (never half written); durable when
    /// the task completes. A crash part of the way may leave the first ones stored and not the rest.
    /// </summary>
    Task PutAsync(string meetingId, string documentId, IReadOnlyList<KeyValuePair<string, byte[]>> entries);

    /// <summary>Removes one entry; nothing happens when there is none of that name.</summary>
    Task RemoveAsync(string meetingId, string documentId, string name);
}
