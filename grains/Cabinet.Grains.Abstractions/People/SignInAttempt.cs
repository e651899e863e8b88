namespace Cabinet.People;

/// <summary>
/// A password offered for an account, and the browser it came from when that browser carries the account's device
/// cookie (<see cref="BrowserId"/>): a known browser has its own failure count, outside the account's.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.sign-in-attempt")]
public sealed record SignInAttempt(string Password, string? BrowserId, string? NewPassword = null);
