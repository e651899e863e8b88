using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Cabinet.Documents;

/// <summary>
/// Who opened one meeting document first, and when; keyed like the annotations (<see cref="IAnnotationGrain.KeyOf"/>).
/// Kept out of the meeting's state so a file fetch never costs a meeting command; bounded by the readers (each person
/// once), and written only on a first opening.
/// </summary>
[Alias("cabinet.IDocumentReadingsGrain")]
public interface IDocumentReadingsGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="userName"/>'s first opening; later ones change nothing.</summary>
    [OneWay]
    Task RecordAsync(string userName, DateTimeOffset at);

    Task<DocumentReadings> GetAsync();
}
