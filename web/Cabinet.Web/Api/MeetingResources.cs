using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Web.Archive;
using Cabinet.Web.Conclusions;
using Cabinet.Web.Documents;
using Cabinet.Web.Invitations;
using Cabinet.Web.Polls;

namespace Cabinet.Web.Api;

/// <summary>
/// <c>/api/v1/meetings</c>: the meetings the caller may see, one meeting, its agenda, participants, documents, polls
/// and archive, and the organisation's published conclusions. Each handler calls the meeting grain method the hub
/// calls; the grain decides who may. A meeting is answered as the hub's <c>MeetingSnapshot</c> (docs/protocol.md; not
/// described as a schema: OpenAPI's generator cannot write its arrays' default values). Opinion ballots are
/// <see cref="OpinionResources"/>.
/// </summary>
public static class MeetingResources
{
    public static RouteGroupBuilder MapMeetingResources(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        meetings.MapGet("", ListAsync).AllowClients(IntegrationScopes.MeetingsRead)
            .WithSummary("The meetings the caller may see: upcoming and live first, then past ones, a page at a time").Produces<ApiPage<MeetingSummary>>();
        meetings.MapPost("", CreateAsync).AllowClients(IntegrationScopes.MeetingsWrite)
            .WithSummary("Creates a meeting in draft in the caller's organisation").Produces(StatusCodes.Status201Created, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var meeting = meetings.MapGroup("/{organization}/{meeting}");
        var reading = meeting.MapGroup("").AllowClients(IntegrationScopes.MeetingsRead);
        var writing = meeting.MapGroup("").AllowClients(IntegrationScopes.MeetingsWrite);
        reading.MapGet("", (string organization, string meeting, HttpContext http, IGrainFactory grains) => Read(organization, meeting, http, grains, s => s))
            .WithSummary("The meeting as the caller may see it").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        writing.MapPost("/schedule", (string organization, string meeting, HttpContext http, IGrainFactory grains) =>
                Command(organization, meeting, http, grains, (g, a) => g.ScheduleAsync(a)))
            .WithSummary("Schedules a draft: the invitations go out").Produces(StatusCodes.Status200OK, contentType: "application/json");
        reading.MapGet("/agenda", (string organization, string meeting, HttpContext http, IGrainFactory grains) => Read(organization, meeting, http, grains, s => s.Agenda))
            .WithSummary("The agenda").Produces<AgendaItem[]>();
        writing.MapPost("/agenda", (string organization, string meeting, AgendaItemInput item, HttpContext http, IGrainFactory grains) =>
                Command(organization, meeting, http, grains, (g, a) => g.AddAgendaItemAsync(a, item)))
            .WithSummary("Adds an agenda item").Produces(StatusCodes.Status200OK, contentType: "application/json");
        reading.MapGet("/participants", (string organization, string meeting, HttpContext http, IGrainFactory grains) => Read(organization, meeting, http, grains, s => s.Participants))
            .WithSummary("The participants and their answers").Produces<Participant[]>();
        writing.MapPost("/participants", (string organization, string meeting, ParticipantInvite[] participants, HttpContext http, IGrainFactory grains) =>
                Command(organization, meeting, http, grains, (g, a) => g.AddParticipantsAsync(a, [.. participants])))
            .WithSummary($"Invites people or changes their role (at most {ParticipantBatch.MaxSize} at once)").Produces(StatusCodes.Status200OK, contentType: "application/json");
        InvitationEndpoints.MapInvitation(meeting);

        var documents = meeting.MapGroup("/documents");
        var documentsRead = documents.MapGroup("").AllowClients(IntegrationScopes.DocumentsRead);
        documentsRead.MapGet("", (string organization, string meeting, HttpContext http, IGrainFactory grains) => Read(organization, meeting, http, grains, s => s.Documents))
            .WithTags("Documents").WithSummary("The meeting's documents and their versions").Produces<Cabinet.Documents.DocumentView[]>();
        DocumentEndpoints.MapDocuments(documentsRead, documents.MapGroup("").AllowClients(IntegrationScopes.DocumentsWrite));

        var polls = meeting.MapGroup("/polls").AllowClients(IntegrationScopes.PollsRead);
        polls.MapGet("", (string organization, string meeting, HttpContext http, IGrainFactory grains) => Read(organization, meeting, http, grains, s => s.Polls))
            .WithTags("Polls").WithSummary("The meeting's polls and their results").Produces<Cabinet.Polls.PollView[]>();
        PollResultEndpoints.MapResults(polls.MapGroup("/{poll}"));

        ArchiveEndpoints.MapArchives(meeting.MapGroup("").AllowClients(IntegrationScopes.ArchivesRead));
        ConclusionEndpoints.MapConclusions(api.MapGroup("/organizations/{organizationId}").AllowClients(IntegrationScopes.MeetingsRead));
        return api;
    }

    private static async Task<IResult> ListAsync(int? size, string? page, HttpContext http, IGrainFactory grains)
    {
        if (ApiPaging.Size(size) is { Ok: false } refused)
        {
            return ApiProblem.Of(refused.Error!);
        }

        var (wanted, items, cursor) = (ApiPaging.Size(size).Value, new List<MeetingSummary>(), page);
        do
        {
            var read = await grains.GetGrain<IMyMeetingsGrain>(0).GetPageAsync(Caller(http), cursor, Math.Min(wanted - items.Count, MeetingPage.MaxSize));
            if (!read.Ok)
            {
                return ApiProblem.Of(read.Error!);
            }

            items.AddRange(read.Value!.Items);
            cursor = read.Value.NextCursor;
        }
        while (items.Count < wanted && cursor is not null);

        return ApiPaging.Page(http.Request, items, cursor, wanted);
    }

    private static async Task<IResult> CreateAsync(NewMeeting? meeting, HttpContext http, IGrainFactory grains)
    {
        var caller = Caller(http);
        var key = MeetingKey.Of(caller.OrganizationId, meeting?.Id ?? "");
        if (!MeetingKey.IsValid(key) || meeting?.Details is null)
        {
            return ApiProblem.Of(Errors.ErrorCodes.Invalid("Cần id (chữ thường, số, gạch ngang) và details (title, place, scheduledStart)."));
        }

        var grain = grains.GetGrain<IMeetingGrain>(key);
        var created = await grain.CreateAsync(caller, new MeetingSetup(meeting.Details, [.. meeting.Participants ?? []], [.. meeting.Agenda ?? []]));
        return created.Ok ? ApiProblem.Of(await grain.GetSnapshotAsync(caller), s => Results.Json(s, statusCode: StatusCodes.Status201Created))
            : ApiProblem.Of(created.Error!);
    }

    /// <summary>A part of the meeting's snapshot, as the grain lets the caller see it.</summary>
    private static async Task<IResult> Read<T>(string organization, string meeting, HttpContext http, IGrainFactory grains, Func<MeetingSnapshot, T> part)
    {
        var key = MeetingKey.Of(organization, meeting);
        return !MeetingKey.IsValid(key) ? ApiProblem.Of(Errors.ErrorCodes.MeetingNotFound)
            : ApiProblem.Of(await grains.GetGrain<IMeetingGrain>(key).GetSnapshotAsync(Caller(http)), s => Results.Json(part(s)));
    }

    /// <summary>A command of the meeting grain; accepted, the meeting as it now stands.</summary>
    private static async Task<IResult> Command(string organization, string meeting, HttpContext http, IGrainFactory grains, Func<IMeetingGrain, Actor, Task<Errors.CommandResult>> command)
    {
        var key = MeetingKey.Of(organization, meeting);
        if (!MeetingKey.IsValid(key))
        {
            return ApiProblem.Of(Errors.ErrorCodes.MeetingNotFound);
        }

        var grain = grains.GetGrain<IMeetingGrain>(key);
        var done = await command(grain, Caller(http));
        return done.Ok ? ApiProblem.Of(await grain.GetSnapshotAsync(Caller(http)), s => Results.Json(s)) : ApiProblem.Of(done.Error!);
    }

    private static Actor Caller(HttpContext http) => CabinetClaims.ToActor(http.User)!;
}
