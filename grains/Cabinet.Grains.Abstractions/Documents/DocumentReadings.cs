using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// Who has opened one document: how many people in all, and the first <see cref="MaxListed"/> of them (earliest first),
/// so the answer stays far below the hub's message limit in a meeting of thousands.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-readings")]
public sealed record DocumentReadings(string DocumentId, int Count, ImmutableArray<DocumentReading> First)
{
    public const int MaxListed = 300;
}
