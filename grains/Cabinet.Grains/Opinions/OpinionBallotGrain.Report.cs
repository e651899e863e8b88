using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.People;
using Microsoft.Extensions.Logging;

namespace Cabinet.Opinions;

/// <summary>
/// The consolidated report after the close, signed like the minutes: drafted at once, then the secretary and then the
/// chair sign it on their own devices (<see cref="RecordSignatures"/>, the minutes' flow), then it is sealed with the
/// organisation's signature and archived with the signed answers. Each step is a ledger entry. A draft or a seal that
/// failed (e.g. while a timestamp authority was unreachable) is made again on the office's next request for the report.
/// </summary>
public sealed partial class OpinionBallotGrain
{
    public async Task<Result<byte[]>> GetReportAsync(Actor actor) =>
        await ReportFileAsync(actor, s => s.Report?.PdfSha256 ?? s.ReportSigning?.Sha256);

    public async Task<Result<byte[]>> GetArchiveAsync(Actor actor) => await ReportFileAsync(actor, s => s.Report?.ArchiveSha256);

    public async Task<Result<MinutesSigningChallenge>> BeginReportSignatureAsync(Actor actor, string deviceId)
    {
        var now = clock.GetUtcNow();
        if ((Viewable(actor) ?? ReportTurn(actor, now)) is { } refused)
        {
            return Result<MinutesSigningChallenge>.Refused(refused);
        }

        var s = S;
        var begun = await RecordSignatures.BeginAsync(GrainFactory, reports.Sealer, actor, deviceId, s.ReportSigning!, await PlaceOfAsync(s.ReportSigning!.NextSignatory!), now);
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
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.State = s;
            LogStoreFailed(ex, Key, "report.signature-begun");
            return Result<MinutesSigningChallenge>.Refused(ErrorCodes.StorageFailed);
        }

        return Result<MinutesSigningChallenge>.Of(new MinutesSigningChallenge(pending.SignedAttributesBase64, pending.CertificateBase64, pending.ExpiresAt));
    }

    public async Task<CommandResult> CompleteReportSignatureAsync(Actor actor, string signatureBase64)
    {
        var now = clock.GetUtcNow();
        if ((Viewable(actor) ?? ReportTurn(actor, now)) is { } refused)
        {
            return CommandResult.Refused(refused, S.Version);
        }

        var signing = S.ReportSigning!;
        var signed = await RecordSignatures.CompleteAsync(GrainFactory, reports.Sealer, actor, S.PendingSignature, signing, await PlaceOfAsync(signing.NextSignatory!),
            signatureBase64, now);
        if (signed.Value is not { } made)
        {
            return CommandResult.Refused(signed.Error!, S.Version);
        }

        var next = S with { ReportSigning = signing.SignedBy(made.Signature, made.Sha256), PendingSignature = null };
        var result = await ApplyAsync(actor, OpinionStep.Accept(next, OpinionEventKinds.ReportSigned,
            new { made.Signature.Title, made.Signature.DeviceId, made.Signature.CertificateSha256, made.Sha256 }));
        if (result.Ok && S.ReportSigning!.NextSignatory is null)
        {
            await SealReportAsync(actor);
        }

        return result;
    }

    /// <summary>Whose turn it is to sign the report; null when it is the actor's.</summary>
    private CabinetError? ReportTurn(Actor actor, DateTimeOffset now) =>
        S.Report is not null ? ErrorCodes.OpinionReportSealed
        : S.ReportSigning is not { } signing ? ErrorCodes.OpinionReportNotReady
        : Meetings.MeetingPermissions.IsMinutesTurn(signing, actor.UserName, now) ? null
        : ErrorCodes.OpinionReportNotYourTurn;

    public Task<Result<OpinionOutcome>> GetOutcomeAsync(Actor actor) => Task.FromResult(
        Following(actor) is { } refused ? Result<OpinionOutcome>.Refused(refused)
        : S.Status != OpinionStatus.Closed ? Result<OpinionOutcome>.Refused(ErrorCodes.OpinionNotClosed)
        : S.Report is not { } report ? Result<OpinionOutcome>.Refused(ErrorCodes.OpinionReportNotReady)
        : Result<OpinionOutcome>.Of(OpinionOutcome.Of(S.ToView(Key), OpinionTallies.Consolidate(S, Key), report)));

    private async Task<Result<byte[]>> ReportFileAsync(Actor actor, Func<OpinionBallotState, string?> file)
    {
        if (Viewable(actor) is { } refused)
        {
            return Result<byte[]>.Refused(refused);
        }

        if (S.Status == OpinionStatus.Closed && S.Report is null && OpinionPermissions.IsOffice(actor, S.OrganizationId))
        {
            await (S.ReportSigning is null ? DraftReportAsync(actor) : S.ReportSigning.NextSignatory is null ? SealReportAsync(actor) : Task.CompletedTask);
        }

        return file(S) is { } sha256 && await reports.ReadAsync(sha256) is { } bytes
            ? Result<byte[]>.Of(bytes)
            : Result<byte[]>.Refused(ErrorCodes.OpinionReportNotReady);
    }

    /// <summary>The unsigned report, to be signed by the secretary (the office member who drafted the ballot) then the chair.</summary>
    private async Task DraftReportAsync(Actor actor)
    {
        try
        {
            var secretary = await OpinionPeople.LookUpAsync(GrainFactory, S.OrganizationId, [S.Drafter]);
            var signatories = OpinionReports.Signatories(S, secretary.Value is [var found] ? found : new OpinionMember(S.Drafter, S.Drafter, ""));
            var sha256 = await reports.DraftAsync(S, OpinionTallies.Consolidate(S, Key), await OrganizationNameAsync(), signatories);
            var now = clock.GetUtcNow();
            var signing = new MinutesView(1, sha256, now, now, [], signatories, []);
            await StoreAsync(actor, OpinionStep.Accept(S with { ReportSigning = signing }, OpinionEventKinds.ReportDrafted,
                new { Sha256 = sha256, Signatories = signing.Signatories.Select(p => p.UserName).ToArray() }), now);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReportFailed(ex, Key);
        }
    }

    /// <summary>The organisation's seal over the signed report, then the archive (the report, the ledger, the signed answers).</summary>
    private async Task SealReportAsync(Actor actor)
    {
        try
        {
            var report = await reports.SealAsync(Key, S, OpinionTallies.Consolidate(S, Key), await OrganizationNameAsync());
            if (await StoreAsync(actor, OpinionStep.Accept(WithClosedEvent(S with { Report = report }, S.Version + 1), OpinionEventKinds.ReportMade,
                new { report.PdfSha256, report.PdfBytes, report.ArchiveSha256, report.ArchiveBytes }), clock.GetUtcNow()) is null)
            {
                await HandIntegrationEventsAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReportFailed(ex, Key);
        }
    }

    private async Task<SigningPlace> PlaceOfAsync(MinutesSignatory signatory) =>
        new("báo cáo tổng hợp ý kiến", null, OpinionReports.SpotOf(S, OpinionTallies.Consolidate(S, Key), await OrganizationNameAsync(), signatory.Title));

    private async Task<string> OrganizationNameAsync() =>
        (await GrainFactory.GetGrain<IOrganizationGrain>(S.OrganizationId).GetProfileAsync())?.Name ?? S.OrganizationId;

    [LoggerMessage(Level = LogLevel.Error, Message = "Opinion ballot {Key}: the consolidated report could not be made yet")]
    private partial void LogReportFailed(Exception ex, string key);
}
