using System.Collections.Immutable;

namespace Cabinet.Audit;

/// <summary>
/// A page of matching entries, newest first. <see cref="NextBefore"/> continues the search (null: nothing older);
/// a page may hold fewer entries than asked when the search read its share of the log.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.audit-page")]
public sealed record AuditPage(ImmutableArray<AuditEntryView> Entries, long? NextBefore);
