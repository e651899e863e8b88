namespace Cabinet.Audit;

/// <summary>
/// One security event as a host reports it: who (a user name, or the name someone tried), in which organisation
/// (empty when unknown), from where (client address, user agent), what (<see cref="Kind"/>, one of
/// <see cref="AuditKinds"/>) and a short detail. The audit log stamps the time and chains it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.audit-record")]
public sealed record AuditRecord(string Kind, string Actor, string Organization, string Address, string UserAgent, string Detail)
{
    public const int MaxActor = 64;
    public const int MaxUserAgent = 200;
    public const int MaxDetail = 500;

    /// <summary>The record cut to its bounds, so no client can make an entry large.</summary>
    public AuditRecord Bounded() => new(Cut(Kind, 40), Cut(Actor, MaxActor), Cut(Organization, 40), Cut(Address, 64), Cut(UserAgent, MaxUserAgent), Cut(Detail, MaxDetail));

    private static string Cut(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];
}
