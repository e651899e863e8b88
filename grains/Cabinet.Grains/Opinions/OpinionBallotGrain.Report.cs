using Cabinet.Errors;
using Cabinet.People;
using Microsoft.Extensions.Logging;

namespace Cabinet.Opinions;

/// <summary>
/// The consolidated report, made right after the close (and again on the next request by the office if making it
/// failed, e.g. while a timestamp authority was unreachable); the members asked, the office and the chair read it.
/// </summary>
public sealed partial class OpinionBallotGrain
{
    public async Task<Result<byte[]>> GetReportAsync(Actor actor) => await ReportFileAsync(actor, r => r.PdfSha256);

    public async Task<Result<byte[]>> GetArchiveAsync(Actor actor) => await ReportFileAsync(actor, r => r.ArchiveSha256);

    private async Task<Result<byte[]>> ReportFileAsync(Actor actor, Func<OpinionReportInfo, string> file)
    {
        if (Viewable(actor) is { } refused)
        {
            return Result<byte[]>.Refused(refused);
        }

        if (S.Status == OpinionStatus.Closed && S.Report is null && OpinionPermissions.IsOffice(actor, S.OrganizationId))
        {
            await MakeReportAsync(actor);
        }

        return S.Report is { } report && await reports.ReadAsync(file(report)) is { } bytes
            ? Result<byte[]>.Of(bytes)
            : Result<byte[]>.Refused(ErrorCodes.OpinionReportNotReady);
    }

    private async Task MakeReportAsync(Actor actor)
    {
        try
        {
            var profile = await GrainFactory.GetGrain<IOrganizationGrain>(S.OrganizationId).GetProfileAsync();
            var report = await reports.MakeAsync(Key, S, OpinionTallies.Consolidate(S, Key), profile?.Name ?? S.OrganizationId);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Opinion ballot {Key}: the consolidated report could not be made yet")]
    private partial void LogReportFailed(Exception ex, string key);
}
