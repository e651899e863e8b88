using System.Globalization;
using System.Text;
using Cabinet.Audit;
using Cabinet.Identity;

namespace Cabinet.Web.Identity;

/// <summary>
/// The audit log for administrators, limited to their organisation's entries (and those of no known organisation):
/// a paged search (newest first), a CSV export, and a check that the hash chain holds. Exports and checks are logged.
/// </summary>
public static class AuditEndpoints
{
    public const int MaxExportRows = 100_000;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/admin").ForAdministrators();

        audit.MapGet("/audit", async (DateTimeOffset? from, DateTimeOffset? to, string? actor, string? kind, long? page, int? size, HttpContext http, IGrainFactory grains) =>
        {
            var admin = CabinetClaims.ToActor(http.User)!;
            var found = await Log(grains).SearchAsync(new AuditQuery(admin.OrganizationId, from, to, actor, kind, page, size ?? 100));
            return Results.Json(new { entries = found.Entries, nextPage = found.NextBefore });
        }).WithTags("Audit").WithSummary("Searches the security audit log (newest first, paged)").ProducesProblem(StatusCodes.Status400BadRequest);

        audit.MapGet("/audit.csv", async (DateTimeOffset? from, DateTimeOffset? to, string? actor, string? kind, HttpContext http, IGrainFactory grains, AuditTrail trail) =>
        {
            var admin = CabinetClaims.ToActor(http.User)!;
            var csv = new StringBuilder("sequence,at,kind,actor,organization,address,user_agent,detail,hash\n");
            var (rows, before) = (0, (long?)null);
            do
            {
                var page = await Log(grains).SearchAsync(new AuditQuery(admin.OrganizationId, from, to, actor, kind, before, AuditQuery.MaxPageSize));
                foreach (var e in page.Entries.Take(MaxExportRows - rows))
                {
                    csv.AppendJoin(',', e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture),
                        Cell(e.Kind), Cell(e.Actor), Cell(e.Organization), Cell(e.Address), Cell(e.UserAgent), Cell(e.Detail), e.Hash).Append('\n');
                    rows++;
                }

                before = page.NextBefore;
            }
            while (before is not null && rows < MaxExportRows);

            await trail.RecordAsync(http, AuditKinds.AuditExported, $"{rows} entries; from={from:O} to={to:O} actor={actor} kind={kind}");
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
                $"nhat-ky-an-ninh-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
        }).WithTags("Audit").WithSummary("Exports the security audit log as CSV").ProducesProblem(StatusCodes.Status400BadRequest);

        audit.MapGet("/audit/verify", async (HttpContext http, IGrainFactory grains, AuditTrail trail) =>
        {
            var verification = await Log(grains).VerifyAsync();
            await trail.RecordAsync(http, AuditKinds.AuditVerified, verification.Intact
                ? $"intact {verification.FromSequence}–{verification.ToSequence}" : $"broken at {verification.FaultSequence}: {verification.FaultReason}");
            return Results.Json(verification);
        }).WithTags("Audit").WithSummary("Verifies the audit log's hash chain").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static IAuditLogGrain Log(IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key);

    /// <summary>A CSV cell: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet does not run it.</summary>
    private static string Cell(string value) =>
        "\"" + (value is [('=' or '+' or '-' or '@'), ..] ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
