namespace Cabinet.People;

/// <summary>An account as its administrator sees it: the profile and the states they can act on.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.account-status")]
public sealed record AccountStatus(UserProfile Profile, bool Disabled, bool Throttled, bool MustChangePassword, bool SecondFactorEnrolled);
