using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>One person's account, keyed by user name (lower case).</summary>
[Alias("cabinet.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    Task<CommandResult> RegisterAsync(UserRegistration registration);

    Task<UserProfile?> GetProfileAsync();

    /// <summary>Sets (or clears, with null or empty) the e-mail address and phone number notices go to, checked by <see cref="ContactRules"/>.</summary>
    Task<CommandResult> SetContactAsync(string? email, string? phone);

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

    /// <summary>
    /// The second step of a sign-in that asked for a code (<see cref="SignInOutcome.Challenge"/>): a TOTP code of a
    /// time step not used before, or an unused recovery code. Five wrong codes end the challenge.
    /// </summary>
    Task<SignInOutcome> CompleteSignInAsync(string challenge, string code);

    /// <summary>The enrolment a pending sign-in challenge carries (to show its QR code), or null.</summary>
    Task<SecondFactorEnrolment?> GetChallengeEnrolmentAsync(string challenge);

    /// <summary>Starts (or restarts) enrolling an authenticator app from /account; the secret is active once confirmed.</summary>
    Task<SecondFactorEnrolment> BeginSecondFactorEnrolmentAsync();

    /// <summary>The enrolment started from /account and not yet confirmed, or null.</summary>
    Task<SecondFactorEnrolment?> GetPendingEnrolmentAsync();

    /// <summary>Confirms the pending enrolment with a code from the app; 10 new recovery codes wait for <see cref="TakeFreshRecoveryCodesAsync"/>.</summary>
    Task<CommandResult> ConfirmSecondFactorEnrolmentAsync(string code);

    /// <summary>The recovery codes made by the last enrolment, once (then forgotten: only their hashes are kept).</summary>
    Task<ImmutableArray<string>> TakeFreshRecoveryCodesAsync();

    /// <summary>The account as its administrator sees it.</summary>
    Task<AccountStatus?> GetStatusAsync();

    /// <summary>An administrator's edit of the display name and position.</summary>
    Task<CommandResult> UpdateProfileAsync(string displayName, string position);

    /// <summary>An administrator clears every sign-in throttle of the account (its own and its known browsers').</summary>
    Task<Result<ImmutableArray<string>>> UnlockAsync();

    /// <summary>Makes the person a member, organiser or administrator of their organisation (from the next sign-in on).</summary>
    Task<CommandResult> SetOrganizationRoleAsync(OrganizationRole role);

    /// <summary>Registers a device's ballot-signing public key (ECDSA P-256, SPKI DER, base64).</summary>
    Task<Result<Polls.DeviceKey>> RegisterDeviceAsync(string label, string publicKeySpki);

    Task<CommandResult> RevokeDeviceAsync(string deviceId);

    Task<ImmutableArray<Polls.DeviceKey>> GetDevicesAsync();

    /// <summary>
    /// Checks a ballot or answer signature against the person's device: <c>device.unknown</c> or <c>device.revoked</c>
    /// when the device cannot sign, otherwise the device and whether its key made <paramref name="signature"/> (ECDSA
    /// P-256, P1363) over <paramref name="signedBytes"/>. Checked here, in the signer's own grain, so that a vote of
    /// thousands checks its signatures side by side instead of one after another in the poll's turn.
    /// </summary>
    Task<Result<Polls.DeviceSignature>> CheckDeviceSignatureAsync(string? deviceId, byte[] signedBytes, byte[] signature);

    /// <summary>
    /// An active device with its key's certificate, issued now if it has none yet (devices registered before
    /// certification existed); <c>minutes.no_device_issuer</c> when no issuing CA is configured.
    /// </summary>
    Task<Result<Polls.DeviceKey>> CertifyDeviceAsync(string deviceId);

    /// <summary>A new secret calendar feed token (the old one stops at once); shown once, only its hash is kept.</summary>
    Task<string?> RotateCalendarFeedAsync();

    /// <summary>Stops the secret calendar feed.</summary>
    Task RevokeCalendarFeedAsync();

    Task<bool> HasCalendarFeedAsync();
}
