using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Records.Minutes;

namespace Cabinet.Closing;

/// <summary>What a record is called in its signatures' reason ("biên bản cuộc họp"), where it was signed, and the next signatory's place on it.</summary>
public sealed record SigningPlace(string RecordName, string? Place, SignatureSpot? Spot);

/// <summary>
/// The one signing flow of a record that people sign in order on their own devices before the organisation's seal (a
/// meeting's minutes, an opinion ballot's consolidated report), in two round-trips: the server prepares the PDF and the
/// signed attributes for the next signatory's device certificate (<see cref="BeginAsync"/>), the device signs them, the
/// server checks and completes (<see cref="CompleteAsync"/>). The caller checks the turn first, keeps the record
/// (<see cref="MinutesView"/>) and the pending signature in its own state, and records each signature as a step.
/// </summary>
internal static class RecordSignatures
{
    /// <summary>The signature the device must make for the record's next signatory (who must be <paramref name="actor"/>).</summary>
    public static async Task<Result<PendingMinutesSignature>> BeginAsync(
        IGrainFactory grains, MeetingSealer sealer, Actor actor, string deviceId, MinutesView record, SigningPlace place, DateTimeOffset now)
    {
        var device = await grains.GetGrain<IUserGrain>(actor.UserName).CertifyDeviceAsync(deviceId ?? "");
        if (!device.Ok)
        {
            return Result<PendingMinutesSignature>.Refused(device.Error!);
        }

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(device.Value!.CertificateBase64!));
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero); // /M keeps whole seconds
        var attributes = MeetingSealer.BeginSignature(await sealer.LoadMinutesAsync(record.Sha256), record.NextSignatory!, place, certificate, at);
        return Result<PendingMinutesSignature>.Of(new PendingMinutesSignature(actor.UserName, device.Value.DeviceId, device.Value.CertificateBase64!, record.Sha256, at,
            now + PendingMinutesSignature.Lifetime, Convert.ToBase64String(attributes)));
    }

    /// <summary>The record with the signature the actor's device made over what <see cref="BeginAsync"/> gave it, stored; or the refusal.</summary>
    public static async Task<Result<SignedRecord>> CompleteAsync(
        IGrainFactory grains, MeetingSealer sealer, Actor actor, PendingMinutesSignature? pending, MinutesView record, SigningPlace place,
        string signatureBase64, DateTimeOffset now)
    {
        if (pending is null || pending.UserName != actor.UserName || pending.ExpiresAt <= now || pending.BaseSha256 != record.Sha256)
        {
            return Result<SignedRecord>.Refused(ErrorCodes.MinutesNoSigningRequest);
        }

        var devices = await grains.GetGrain<IUserGrain>(actor.UserName).GetDevicesAsync();
        if (devices.FirstOrDefault(d => d.DeviceId == pending.DeviceId) is not { IsActive: true })
        {
            return Result<SignedRecord>.Refused(ErrorCodes.DeviceRevoked);
        }

        var signature = Base64OrNull(signatureBase64);
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pending.CertificateBase64));
        byte[]? signed;
        try
        {
            signed = signature is null ? null
                : await sealer.CompleteSignatureAsync(await sealer.LoadMinutesAsync(pending.BaseSha256), record.NextSignatory!, place, certificate, pending, signature);
        }
        catch (Voting.Signing.TimestampUnavailableException)
        {
            return Result<SignedRecord>.Refused(ErrorCodes.TimestampUnavailable);
        }

        if (signed is null)
        {
            return Result<SignedRecord>.Refused(ErrorCodes.MinutesSignatureInvalid);
        }

        var who = record.NextSignatory!;
        var made = new MinutesSignature(who.UserName, who.DisplayName, who.Title, pending.SigningTime, pending.DeviceId,
            Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)));
        return Result<SignedRecord>.Of(new SignedRecord(await sealer.StoreMinutesAsync(signed), made));
    }

    private static byte[]? Base64OrNull(string? text)
    {
        if (text is not { Length: > 0 and <= 200 })
        {
            return null;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : null;
    }
}

/// <summary>A record's new version (its SHA-256 in the blob store) with the signature just added.</summary>
internal sealed record SignedRecord(string Sha256, MinutesSignature Signature);
