namespace Cabinet.People;

/// <param name="Temporary">The password was chosen by an administrator (or generated): it is changed at the first sign-in.</param>
[GenerateSerializer, Immutable, Alias("cabinet.user-registration")]
public sealed record UserRegistration(UserProfile Profile, string Password, bool Temporary = false);
