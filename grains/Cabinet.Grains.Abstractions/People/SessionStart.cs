namespace Cabinet.People;

/// <summary>
/// A session to open after a successful sign-in. <see cref="Ticket"/> is the serialized cookie ticket of a browser
/// session (kept server-side; the cookie carries only the session's key).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.session-start")]
public sealed record SessionStart(SessionKind Kind, string Address, string UserAgent, byte[]? Ticket);
