using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Opinions;
using Cabinet.People;
using Cabinet.Web.Opinions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Api;

/// <summary>
/// <c>/api/v1/opinions</c>: the organisation's opinion ballots (lấy ý kiến thành viên) the caller may see, one ballot,
/// its live consolidation, its report and archive once closed; a draft written and submitted to the chair. Each handler
/// calls the ballot grain method the hub calls, and the grain decides who may. An integration client acts as the
/// office (it drafts and submits); approving, answering and closing stay with people.
/// </summary>
public static class OpinionResources
{
    public static RouteGroupBuilder MapOpinionResources(this RouteGroupBuilder api)
    {
        var opinions = api.MapGroup("/opinions").WithTags("Opinion ballots");
        opinions.MapGet("", ListAsync).AllowClients(IntegrationScopes.OpinionsRead)
            .WithSummary("The organisation's opinion ballots the caller may see, last changed first, a page at a time").Produces<ApiPage<OpinionSummary>>();
        opinions.MapPost("", DraftAsync).AllowClients(IntegrationScopes.OpinionsWrite)
            .WithSummary("Writes a new draft opinion ballot in the caller's organisation (the office's step)")
            .Produces(StatusCodes.Status201Created, contentType: "application/json");

        var ballot = opinions.MapGroup("/{organization}/{ballot}");
        var reading = ballot.MapGroup("").AllowClients(IntegrationScopes.OpinionsRead);
        reading.MapGet("", GetAsync)
            .WithSummary("The ballot: its status, questions, deadline, members asked and (for those who follow the answers) how many answered")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        reading.MapGet("/consolidation", (string organization, string ballot, HttpContext http, IGrainFactory grains) =>
                Read(organization, ballot, http, grains, (g, a) => g.GetConsolidationAsync(a)))
            .WithSummary("The live consolidation: counts per question and answer, who has not answered, the written opinions")
            .Produces<OpinionConsolidation>().ProducesProblem(StatusCodes.Status404NotFound);
        OpinionEndpoints.MapReportFiles(reading);
        ballot.MapPost("/submit", SubmitAsync).AllowClients(IntegrationScopes.OpinionsWrite)
            .WithSummary("Submits the draft to the chair named in it (trình)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(int? size, string? page, HttpContext http, IGrainFactory grains)
    {
        var wanted = ApiPaging.Size(size);
        var after = After(page);
        if (!wanted.Ok || !after.Ok)
        {
            return ApiProblem.Of(wanted.Error ?? after.Error!);
        }

        var caller = Caller(http);
        // Keyset paging over (last change, id): a ballot that changes between two pages moves to the front, never twice into one walk.
        var listed = (await grains.GetGrain<IOpinionBallotsGrain>(caller.OrganizationId).ListAsync(caller))
            .OrderByDescending(b => b.UpdatedAt).ThenBy(b => b.BallotId, StringComparer.Ordinal)
            .Where(b => after.Value is not var (at, id) || b.UpdatedAt < at || (b.UpdatedAt == at && string.CompareOrdinal(b.BallotId, id) > 0))
            .Take(wanted.Value + 1).ToList();
        var items = listed.Take(wanted.Value).ToList();
        var next = listed.Count > wanted.Value ? Cursor(items[^1]) : null;
        return ApiPaging.Page(http.Request, items, next, wanted.Value);
    }

    private static async Task<IResult> DraftAsync(OpinionDraft? draft, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var caller = Caller(http);
        var key = OpinionKey.New(caller.OrganizationId);
        var grain = grains.GetGrain<IOpinionBallotGrain>(key);
        var drafted = await grain.DraftAsync(caller, draft!);
        return drafted.Ok ? await ShowAsync(grain, caller, json.Value.SerializerOptions, StatusCodes.Status201Created) : ApiProblem.Of(drafted.Error!);
    }

    private static async Task<IResult> GetAsync(string organization, string ballot, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var key = OpinionKey.Of(organization, ballot);
        return !OpinionKey.IsValid(key) ? ApiProblem.Of(ErrorCodes.OpinionNotFound)
            : await ShowAsync(grains.GetGrain<IOpinionBallotGrain>(key), Caller(http), json.Value.SerializerOptions, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitAsync(string organization, string ballot, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var key = OpinionKey.Of(organization, ballot);
        if (!OpinionKey.IsValid(key))
        {
            return ApiProblem.Of(ErrorCodes.OpinionNotFound);
        }

        var grain = grains.GetGrain<IOpinionBallotGrain>(key);
        var submitted = await grain.SubmitAsync(Caller(http));
        return submitted.Ok ? await ShowAsync(grain, Caller(http), json.Value.SerializerOptions, StatusCodes.Status200OK) : ApiProblem.Of(submitted.Error!);
    }

    /// <summary>The ballot as the caller may see it, with <c>asked</c> and (when the grain lets the caller follow the answers) <c>answered</c>.</summary>
    private static async Task<IResult> ShowAsync(IOpinionBallotGrain grain, Actor caller, JsonSerializerOptions json, int status)
    {
        var view = await grain.GetAsync(caller);
        if (!view.Ok)
        {
            return ApiProblem.Of(view.Error!);
        }

        var consolidation = await grain.GetConsolidationAsync(caller);
        var shown = JsonSerializer.SerializeToNode(view.Value, json)!.AsObject();
        shown["asked"] = view.Value!.Members.Length;
        shown["answered"] = consolidation.Ok ? consolidation.Value!.Answered.Length : null;
        return Results.Json(shown, json, statusCode: status);
    }

    private static async Task<IResult> Read<T>(string organization, string ballot, HttpContext http, IGrainFactory grains, Func<IOpinionBallotGrain, Actor, Task<Result<T>>> read)
    {
        var key = OpinionKey.Of(organization, ballot);
        return !OpinionKey.IsValid(key) ? ApiProblem.Of(ErrorCodes.OpinionNotFound)
            : ApiProblem.Of(await read(grains.GetGrain<IOpinionBallotGrain>(key), Caller(http)), v => Results.Json(v));
    }

    private static string Cursor(OpinionSummary last) => $"{last.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}~{last.BallotId}";

    private static Result<(DateTimeOffset At, string Id)?> After(string? page)
    {
        if (page is null)
        {
            return Result<(DateTimeOffset, string)?>.Of(null);
        }

        var parts = page.Split('~', 2);
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && OpinionKey.IsValid(parts[1])
            ? Result<(DateTimeOffset, string)?>.Of((new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]))
            : Result<(DateTimeOffset, string)?>.Refused(ApiPaging.InvalidPage);
    }

    private static Actor Caller(HttpContext http) => CabinetClaims.ToActor(http.User)!;
}
