using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// The minutes between the close and the archive: participants comment during the review, the secretary may redraft,
/// then the secretary and the chair each sign on their own device in two round-trips (the server prepares the PDF
/// and the signed attributes, the device signs them, the server checks and completes), then the clerk applies the
/// organisation's seal and the archive follows.
/// </summary>
public sealed partial class MeetingGrain
{
    public Task<CommandResult> CommentOnMinutesAsync(Actor actor, string text) =>
        ExecuteAsync(actor, c => MinutesDecisions.Comment(state.State, c, text));

    public Task<CommandResult> RedraftMinutesAsync(Actor actor) => ExecuteAsync(actor, async c =>
    {
        // Asked before the PDF is written, so a refused redraft costs nothing; the decision asks again.
        if (MinutesDecisions.Redrafted(state.State, c, new string('0', 64)) is { Error: { } refusal })
        {
            return Decision.Refuse(refusal);
        }

        var draft = await sealer.StoreMinutesAsync(await sealer.DraftAsync(await MinutesRequestAsync()));
        return MinutesDecisions.Redrafted(state.State, c, draft);
    });

    public async Task<Result<MinutesSigningChallenge>> BeginMinutesSignatureAsync(Actor actor, string deviceId)
    {
        var s = state.State;
        var now = clock.GetUtcNow();
        if (!s.Exists || !MeetingAccess.CanView(s, actor))
        {
            return Result<MinutesSigningChallenge>.Refused(s.Exists ? ErrorCodes.Forbidden : ErrorCodes.MeetingNotFound);
        }

        if (MinutesDecisions.CheckTurn(s, actor, now) is { } refusal)
        {
            return Result<MinutesSigningChallenge>.Refused(refusal);
        }

        var device = await GrainFactory.GetGrain<IUserGrain>(actor.UserName).CertifyDeviceAsync(deviceId ?? "");
        if (!device.Ok)
        {
            return Result<MinutesSigningChallenge>.Refused(device.Error!);
        }

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(device.Value!.CertificateBase64!));
        var minutes = s.Minutes!;
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero); // /M keeps whole seconds
        var spot = await SpotOfAsync(minutes.NextSignatory!.Title);
        var attributes = MeetingSealer.BeginSignature(await sealer.LoadMinutesAsync(minutes.Sha256), minutes.NextSignatory!, s.Details.Place, certificate, at, spot);
        var pending = new PendingMinutesSignature(actor.UserName, device.Value.DeviceId, device.Value.CertificateBase64!, minutes.Sha256, at,
            now + PendingMinutesSignature.Lifetime, Convert.ToBase64String(attributes));
        // Kept without a ledger entry or a version (nothing happened yet), replacing any earlier pending signature.
        state.State = s with { PendingSignature = pending };
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = s;
            LogWriteFailed(ex, MeetingId, "minutes.signature-begun");
            DeactivateOnIdle();
            return Result<MinutesSigningChallenge>.Refused(ErrorCodes.StorageFailed);
        }

        return Result<MinutesSigningChallenge>.Of(new MinutesSigningChallenge(pending.SignedAttributesBase64, pending.CertificateBase64, pending.ExpiresAt));
    }

    public Task<CommandResult> CompleteMinutesSignatureAsync(Actor actor, string signatureBase64) => ExecuteAsync(actor, async c =>
    {
        var s = state.State;
        if (MinutesDecisions.CheckTurn(s, actor, c.At) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (s.PendingSignature is not { } pending || pending.UserName != actor.UserName || pending.ExpiresAt <= c.At || pending.BaseSha256 != s.Minutes!.Sha256)
        {
            return Decision.Refuse(ErrorCodes.MinutesNoSigningRequest);
        }

        var devices = await GrainFactory.GetGrain<IUserGrain>(actor.UserName).GetDevicesAsync();
        if (devices.FirstOrDefault(d => d.DeviceId == pending.DeviceId) is not { IsActive: true })
        {
            return Decision.Refuse(ErrorCodes.DeviceRevoked);
        }

        var signature = Base64OrNull(signatureBase64);
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pending.CertificateBase64));
        byte[]? signed;
        try
        {
            signed = signature is null ? null
                : await sealer.CompleteSignatureAsync(await sealer.LoadMinutesAsync(pending.BaseSha256), s.Minutes.NextSignatory!, s.Details.Place,
                    certificate, pending, signature, await SpotOfAsync(s.Minutes.NextSignatory!.Title));
        }
        catch (Voting.Signing.TimestampUnavailableException)
        {
            return Decision.Refuse(ErrorCodes.TimestampUnavailable);
        }

        if (signed is null)
        {
            return Decision.Refuse(ErrorCodes.MinutesSignatureInvalid);
        }

        var sha256 = await sealer.StoreMinutesAsync(signed);
        return MinutesDecisions.Signed(state.State, c, pending, sha256, Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)));
    });

    public async Task<CommandResult> SealMinutesAsync(Actor actor)
    {
        var result = await ExecuteAsync(actor, async c =>
        {
            if (MinutesDecisions.CheckSeal(state.State, actor, c.At) is { } refusal)
            {
                return Decision.Refuse(refusal);
            }

            var organization = await GrainFactory.GetGrain<IOrganizationGrain>(state.State.OrganizationId).GetProfileAsync();
            var signed = await sealer.LoadMinutesAsync(state.State.Minutes!.Sha256);
            try
            {
                var sealedMinutes = await sealer.ApplySealAsync(signed, state.State.OrganizationId, organization?.Name ?? state.State.OrganizationId,
                    await SpotOfAsync(MinutesDecisions.ChairTitle), c.At);
                return MinutesDecisions.Sealed(state.State, c, await sealer.StoreMinutesAsync(sealedMinutes));
            }
            catch (Voting.Signing.TimestampUnavailableException)
            {
                return Decision.Refuse(ErrorCodes.TimestampUnavailable);
            }
        });
        if (result.Ok && state.State.SealPending)
        {
            ScheduleSealing(TimeSpan.Zero);
        }

        return result;
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

    /// <summary>The place of a signatory (by title: "THƯ KÝ", "CHỦ TỌA") in the minutes' signature block; the seal goes on the chair's.</summary>
    private async Task<Records.Minutes.SignatureSpot?> SpotOfAsync(string title) =>
        (await sealer.SpotsAsync(await MinutesRequestAsync())).FirstOrDefault(p => p.Capacity == title);
}
