namespace Cabinet.People;

[GenerateSerializer, Immutable, Alias("cabinet.user-registration")]
public sealed record UserRegistration(UserProfile Profile, string Password);
