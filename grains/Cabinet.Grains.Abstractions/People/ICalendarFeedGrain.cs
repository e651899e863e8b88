namespace Cabinet.People;

/// <summary>
/// Whose calendar a secret feed token opens (key: the token's SHA-256, hex): the lookup a calendar app's anonymous
/// request needs. Written only by the owner's user grain, which clears the old one when the token is rotated.
/// </summary>
[Alias("cabinet.ICalendarFeedGrain")]
public interface ICalendarFeedGrain : IGrainWithStringKey
{
    Task<string?> GetOwnerAsync();

    Task SetOwnerAsync(string? userName);
}
