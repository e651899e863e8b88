namespace Cabinet.People;

/// <summary>A new session's id, and for an app its first refresh token; <see cref="Replaced"/> names a session ended to make room.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.session-opened")]
public sealed record SessionOpened(string SessionId, string? RefreshToken, string? Replaced);
