using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.People;

/// <summary>The person's devices that may sign ballots: each a WebCrypto ECDSA P-256 public key.</summary>
public sealed partial class UserGrain
{
    public const int MaxActiveDevices = 10;
    public const int MaxLabel = 100;

    private readonly DeviceKeys _importedKeys = new();

    public async Task<Result<DeviceKey>> RegisterDeviceAsync(string label, string publicKeySpki)
    {
        if (state.State.Profile is null)
        {
            return Result<DeviceKey>.Refused(ErrorCodes.UnknownUser);
        }

        if (!IsP256(publicKeySpki))
        {
            return Result<DeviceKey>.Refused(ErrorCodes.DeviceInvalidKey);
        }

        if (state.State.Devices.FirstOrDefault(d => d.PublicKeySpki == publicKeySpki && d.IsActive) is { } known)
        {
            return Result<DeviceKey>.Of(known);
        }

        if (state.State.Devices.Count(d => d.IsActive) >= MaxActiveDevices)
        {
            return Result<DeviceKey>.Refused(ErrorCodes.DeviceLimit);
        }

        // Certified when it first signs a record (CertifyDeviceAsync), not here: of a meeting's delegates, who all register
        // a device to vote, only the secretary and the chair sign the minutes, and each certificate is ≈ 1 KB of this
        // state, in memory while the person is active, and an issuing CA's signature (perhaps in a token) at every join.
        var device = new DeviceKey($"d{state.State.Devices.Length + 1}-{Guid.NewGuid():N}"[..16], Trim(label), publicKeySpki, clock.GetUtcNow(), null);
        state.State = state.State with { Devices = state.State.Devices.Add(device) };
        await state.WriteStateAsync();
        return Result<DeviceKey>.Of(device);
    }

    public async Task<CommandResult> RevokeDeviceAsync(string deviceId)
    {
        var device = state.State.Devices.FirstOrDefault(d => d.DeviceId == deviceId);
        if (device is null)
        {
            return CommandResult.Refused(ErrorCodes.DeviceUnknown);
        }

        if (device.IsActive)
        {
            state.State = state.State with { Devices = state.State.Devices.Replace(device, device with { RevokedAt = clock.GetUtcNow() }) };
            _importedKeys.Forget(deviceId);
            await state.WriteStateAsync();
        }

        return CommandResult.Accepted(state.State.Devices.Length);
    }

    public Task<ImmutableArray<DeviceKey>> GetDevicesAsync() => Task.FromResult(state.State.Devices);

    public Task<Result<DeviceSignature>> CheckDeviceSignatureAsync(string? deviceId, byte[] signedBytes, byte[] signature)
    {
        var device = state.State.Devices.FirstOrDefault(d => d.DeviceId == deviceId);
        if (device is null || !device.IsActive)
        {
            return Task.FromResult(Result<DeviceSignature>.Refused(device is null ? ErrorCodes.DeviceUnknown : ErrorCodes.DeviceRevoked));
        }

        var key = _importedKeys.For(device);
        var verified = key is not null && BallotSignatureVerifier.Verify(signedBytes, signature, key);
        return Task.FromResult(Result<DeviceSignature>.Of(new DeviceSignature(device, verified)));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _importedKeys.Clear();
        return Task.CompletedTask;
    }

    public async Task<Result<DeviceKey>> CertifyDeviceAsync(string deviceId)
    {
        var device = state.State.Devices.FirstOrDefault(d => d.DeviceId == deviceId);
        if (device is null || !device.IsActive)
        {
            return Result<DeviceKey>.Refused(device is null ? ErrorCodes.DeviceUnknown : ErrorCodes.DeviceRevoked);
        }

        if (device.CertificateBase64 is not null)
        {
            return Result<DeviceKey>.Of(device);
        }

        if (await CertifiedAsync(device) is not { } certified)
        {
            return Result<DeviceKey>.Refused(ErrorCodes.MinutesNoIssuer);
        }

        state.State = state.State with { Devices = state.State.Devices.Replace(device, certified) };
        await state.WriteStateAsync();
        return Result<DeviceKey>.Of(certified);
    }

    private async Task<DeviceKey?> CertifiedAsync(DeviceKey device)
    {
        var profile = state.State.Profile!;
        var organization = await GrainFactory.GetGrain<IOrganizationGrain>(profile.OrganizationId).GetProfileAsync();
        using var certificate = certifier.Certify(profile.UserName, profile.DisplayName, organization?.Name ?? profile.OrganizationId,
            Convert.FromBase64String(device.PublicKeySpki));
        return certificate is null ? null : device with { CertificateBase64 = Convert.ToBase64String(certificate.RawData) };
    }

    private static string Trim(string? label) =>
        string.IsNullOrWhiteSpace(label) ? "Thiết bị" : label.Trim()[..Math.Min(label.Trim().Length, MaxLabel)];

    private static bool IsP256(string? spkiBase64)
    {
        if (string.IsNullOrEmpty(spkiBase64) || spkiBase64.Length > 400)
        {
            return false;
        }

        using var key = DeviceKeys.Import(spkiBase64);
        return key is not null;
    }
}
