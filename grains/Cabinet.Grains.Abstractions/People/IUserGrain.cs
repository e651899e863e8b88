using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>One person's account, keyed by user name (lower case).</summary>
[Alias("cabinet.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    Task<CommandResult> RegisterAsync(UserRegistration registration);

    Task<UserProfile?> GetProfileAsync();

    /// <summary>
    /// Checks the password. Wrong passwords slow down further tries from the same browser (progressively; a known
    /// browser has its own count), never the owner's known browsers. Unknown names get the same answers.
    /// </summary>
    Task<SignInOutcome> SignInAsync(SignInAttempt attempt);

    /// <summary>The person's own change, knowing the current password; ends every session. Value: the sessions ended.</summary>
    Task<Result<ImmutableArray<string>>> ChangePasswordAsync(string currentPassword, string newPassword);

    /// <summary>An administrator's reset to a temporary password, to be changed at the next sign-in; ends every session.</summary>
    Task<Result<ImmutableArray<string>>> ResetPasswordAsync(string temporaryPassword);

    /// <summary>Disabling ends every session and refuses sign-in; enabling allows it again. Value: the sessions ended.</summary>
    Task<Result<ImmutableArray<string>>> SetDisabledAsync(bool disabled);

    Task<bool> IsDisabledAsync();

    /// <summary>Makes the person a member, organiser or administrator of their organisation (from the next sign-in on).</summary>
    Task<CommandResult> SetOrganizationRoleAsync(OrganizationRole role);

    /// <summary>Registers a device's ballot-signing public key (ECDSA P-256, SPKI DER, base64).</summary>
    Task<Result<Polls.DeviceKey>> RegisterDeviceAsync(string label, string publicKeySpki);

    Task<CommandResult> RevokeDeviceAsync(string deviceId);

    Task<ImmutableArray<Polls.DeviceKey>> GetDevicesAsync();
}
