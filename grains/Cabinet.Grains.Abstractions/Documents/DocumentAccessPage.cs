using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>A page of the access log, newest first; <see cref="NextBefore"/> continues it (null: nothing older).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-access-page")]
public sealed record DocumentAccessPage(ImmutableArray<DocumentAccessRecord> Entries, long? NextBefore)
{
    public const int MaxPageSize = 200;
}
