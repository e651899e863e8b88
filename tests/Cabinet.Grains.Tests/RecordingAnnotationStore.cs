using System.Collections.Concurrent;
using Cabinet.Documents;

namespace Cabinet.Grains.Tests;

/// <summary>
/// The silo's annotation store as the grain tests see it: every entry written is recorded with its size, and the writes
/// for a meeting listed in <see cref="Failing"/> fail (as a full disk or an unreachable Redis would) before reaching it.
/// </summary>
public sealed class RecordingAnnotationStore(IAnnotationStore store, AnnotationWrites writes) : IAnnotationStore
{
    public Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(string meetingId, string documentId) => store.ReadAsync(meetingId, documentId);

    public Task PutAsync(string meetingId, string documentId, IReadOnlyList<KeyValuePair<string, byte[]>> entries)
    {
        writes.Check(meetingId);
        foreach (var (name, content) in entries)
        {
            writes.Written.Enqueue(new(meetingId, documentId, name, content.Length));
        }

        return store.PutAsync(meetingId, documentId, entries);
    }

    public Task RemoveAsync(string meetingId, string documentId, string name)
    {
        writes.Check(meetingId);
        return store.RemoveAsync(meetingId, documentId, name);
    }
}

/// <summary>What the grains wrote to the annotation store, and which meetings' writes fail.</summary>
public sealed class AnnotationWrites
{
    public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<AnnotationWrite> Written { get; } = new();

    /// <summary>The entries written for one document so far.</summary>
    public IReadOnlyList<AnnotationWrite> Of(string meetingId, string documentId) =>
        [.. Written.Where(w => w.MeetingId == meetingId && w.DocumentId == documentId)];

    internal void Check(string meetingId)
    {
        if (Failing.ContainsKey(meetingId))
        {
            throw new IOException("No space left on device (injected by the test).");
        }
    }
}

public sealed record AnnotationWrite(string MeetingId, string DocumentId, string Name, int Bytes);
