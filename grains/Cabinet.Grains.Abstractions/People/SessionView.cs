namespace Cabinet.People;

/// <summary>One active session as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.session-view")]
public sealed record SessionView(string SessionId, SessionKind Kind, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt, string Address, string UserAgent);
