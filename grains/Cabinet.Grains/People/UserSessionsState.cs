using System.Collections.Immutable;

namespace Cabinet.People;

/// <summary>A person's open sessions; ended and expired ones are removed, so it holds at most <see cref="SessionLimits.MaxPerPerson"/>.</summary>
[GenerateSerializer]
public sealed record UserSessionsState
{
    [Id(0)] public ImmutableArray<StoredSession> Sessions { get; init; } = [];
}

/// <summary>
/// One open session. A browser's keeps its cookie ticket; an app's keeps the key its refresh tokens are proved with
/// and the generation of the one token now valid (older generations prove a copied token).
/// </summary>
[GenerateSerializer]
public sealed record StoredSession(
    string Id, SessionKind Kind, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, string Address, string UserAgent,
    byte[]? Ticket, byte[]? RefreshKey, long RefreshGeneration);
