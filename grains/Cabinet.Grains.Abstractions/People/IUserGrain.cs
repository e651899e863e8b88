using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>One person's account, keyed by user name (lower case).</summary>
[Alias("cabinet.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    Task<CommandResult> RegisterAsync(UserRegistration registration);

    Task<UserProfile?> GetProfileAsync();

    /// <summary>Checks the password; after repeated failures the account is locked for a while.</summary>
    Task<Result<UserProfile>> SignInAsync(string password);

    /// <summary>Makes the person a member, organiser or administrator of their organisation (from the next sign-in on).</summary>
    Task<CommandResult> SetOrganizationRoleAsync(OrganizationRole role);

    /// <summary>Registers a device's ballot-signing public key (ECDSA P-256, SPKI DER, base64).</summary>
    Task<Result<Polls.DeviceKey>> RegisterDeviceAsync(string label, string publicKeySpki);

    Task<CommandResult> RevokeDeviceAsync(string deviceId);

    Task<ImmutableArray<Polls.DeviceKey>> GetDevicesAsync();
}
