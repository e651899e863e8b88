using Orleans.Concurrency;

namespace Cabinet.Documents;

/// <summary>
/// A meeting's access log (key: the meeting id): every opening of a document version in the viewer and every copy
/// taken (download, print), hash-chained in a journal of its own, never in grain state. Callers have checked the
/// person's right already: the file endpoint writes, the meeting grain reads for the chair and the secretary.
/// </summary>
[Alias("cabinet.IDocumentAccessLogGrain")]
public interface IDocumentAccessLogGrain : IGrainWithStringKey
{
    [OneWay]
    Task RecordOpenedAsync(DocumentAccessInput input);

    /// <summary>Records a copy and gives it its id (the record's <see cref="DocumentAccessRecord.CopyId"/>), to print on its pages.</summary>
    Task<DocumentAccessRecord> IssueCopyAsync(DocumentAccessInput input);

    /// <summary>Up to <paramref name="count"/> records before <paramref name="before"/> (null: the newest), newest first.</summary>
    Task<DocumentAccessPage> ReadAsync(long? before, int count);

    /// <summary>The copy <paramref name="copyId"/> names, or null.</summary>
    Task<DocumentAccessRecord?> FindCopyAsync(string copyId);
}
