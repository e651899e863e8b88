namespace Cabinet.People;

/// <summary>
/// A browser the person signed in from (its id is in that browser's signed device cookie), with its own count of
/// wrong passwords: failures elsewhere never slow it down.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.known-browser")]
public sealed record KnownBrowser(string BrowserId, DateTimeOffset LastSignIn, int FailedSignIns, DateTimeOffset? NotBefore);
