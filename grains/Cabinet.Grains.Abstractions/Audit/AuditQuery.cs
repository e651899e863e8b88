namespace Cabinet.Audit;

/// <summary>
/// A search of the audit log, newest first: entries of <see cref="Organization"/> (and those of no known
/// organisation), within the times, of the actor and kind when given, before <see cref="Before"/> (a page cursor).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.audit-query")]
public sealed record AuditQuery(string Organization, DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Kind, long? Before, int PageSize)
{
    public const int MaxPageSize = 500;
}
