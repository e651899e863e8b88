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

        var begun = await RecordSignatures.BeginAsync(GrainFactory, sealer, actor, deviceId, s.Minutes!, await PlaceOfAsync(s.Minutes!.NextSignatory!.Title), now);
        if (begun.Value is not { } pending)
        {
            return Result<MinutesSigningChallenge>.Refused(begun.Error!);
        }

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

        var signed = await RecordSignatures.CompleteAsync(GrainFactory, sealer, actor, s.PendingSignature, s.Minutes!,
            await PlaceOfAsync(s.Minutes!.NextSignatory!.Title), signatureBase64, c.At);
        return signed.Value is { } made ? MinutesDecisions.Signed(state.State, c, made) : Decision.Refuse(signed.Error!);
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

    /// <summary>The place of a signatory (by title: "THƯ KÝ", "CHỦ TỌA") in the minutes' signature block; the seal goes on the chair's.</summary>
    private async Task<Records.Minutes.SignatureSpot?> SpotOfAsync(string title) =>
        (await sealer.SpotsAsync(await MinutesRequestAsync())).FirstOrDefault(p => p.Capacity == title);

    private async Task<SigningPlace> PlaceOfAsync(string title) => new("biên bản cuộc họp", state.State.Details.Place, await SpotOfAsync(title));
}
