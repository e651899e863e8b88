namespace Cabinet.People;

/// <summary>Whom an organisation requires to sign in with a second factor (TOTP). Everyone else may enrol and is then asked too.</summary>
public enum SecondFactorPolicy
{
    /// <summary>The default: administrators, whose accounts reach everyone's.</summary>
    Administrators = 0,
    AdministratorsAndOrganizers = 1,
    Optional = 2,
}

public static class SecondFactorRules
{
    /// <summary>How long a sign-in waits for its code after the right password.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Whether sign-in asks for a code: the organisation requires it of the role, or the person enrolled anyway.</summary>
    public static bool IsAsked(SecondFactorPolicy policy, OrganizationRole role, bool enrolled) => enrolled || IsRequired(policy, role);

    /// <summary>A challenge is <c>userName.random</c>: the account it belongs to, or null when it is not one.</summary>
    public static string? UserNameOf(string? challenge) =>
        challenge is { Length: < 200 } && challenge.LastIndexOf('.') is > 0 and var dot ? challenge[..dot] : null;

    public static bool IsRequired(SecondFactorPolicy policy, OrganizationRole role) => policy switch
    {
        SecondFactorPolicy.Administrators => role == OrganizationRole.Administrator,
        SecondFactorPolicy.AdministratorsAndOrganizers => role is OrganizationRole.Administrator or OrganizationRole.Organizer,
        _ => false,
    };
}
