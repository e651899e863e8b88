using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Hub.Feeds;
using Cabinet.Hub.Limits;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Hub;

/// <summary>
/// The public real-time API (docs/protocol.md). Thin on purpose: establish who calls, check the meeting id,
/// call the meeting grain — which checks the caller's role and refuses with a stable error code.
/// </summary>
[Authorize(Policy = MeetingHubPolicy.Name)]
public sealed partial class MeetingHub(
    IGrainFactory grains, MeetingFeeds feeds, NoticeFeeds notices, OpinionFeeds opinionFeeds, IHubContext<MeetingHub, IMeetingClient> hubContext,
    MyMeetings myMeetings, ThisHost host) : Hub<IMeetingClient>
{
    public const string Path = "/hubs/meeting";

    /// <summary>Meetings one connection may follow at once (an office screen may watch many): what a connection holds stays bounded.</summary>
    public const int MaxJoinedMeetings = 50;

    /// <summary>
    /// Joins the meeting's live group and returns its snapshot in the hub's form (only the caller's own participant and
    /// presence; the room list comes in pages from <see cref="ListParticipants"/>); events with a higher version follow.
    /// </summary>
    public async Task<Result<MeetingSnapshot>> JoinMeeting(string meetingId)
    {
        if (Refusal(meetingId) is { } refusal)
        {
            return Result<MeetingSnapshot>.Refused(refusal);
        }

        if (JoinedMeetings.Count >= MaxJoinedMeetings && !JoinedMeetings.Contains(meetingId))
        {
            return Result<MeetingSnapshot>.Refused(ErrorCodes.TooManyJoined);
        }

        var grain = Grain(meetingId);
        var connected = await grain.ConnectAsync(Caller, Context.ConnectionId, host.Address);
        if (!connected.Ok)
        {
            return Result<MeetingSnapshot>.Refused(connected.Error!);
        }

        // Join the group before reading the snapshot: an event in between then arrives twice at worst, never not at all.
        await Groups.AddToGroupAsync(Context.ConnectionId, meetingId);
        await feeds.AttachConnectionAsync(meetingId, Context.ConnectionId, Caller.UserName);
        JoinedMeetings.Add(meetingId);
        return await grain.GetPersonalSnapshotAsync(Caller);
    }

    public async Task<CommandResult> LeaveMeeting(string meetingId)
    {
        if (Refusal(meetingId) is { } refusal)
        {
            return CommandResult.Refused(refusal);
        }

        if (!JoinedMeetings.Remove(meetingId))
        {
            // Nothing to leave; only someone who may see the meeting learns its version.
            var summary = await Grain(meetingId).GetSummaryAsync(Caller);
            return summary.Ok ? CommandResult.Accepted(await Grain(meetingId).GetVersionAsync()) : CommandResult.Refused(summary.Error!);
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, meetingId);
        await feeds.DetachConnectionAsync(meetingId, Context.ConnectionId);
        return await Grain(meetingId).DisconnectAsync(Caller, Context.ConnectionId);
    }

    [Query]
    public Task<Result<CatchUp>> GetEventsSince(string meetingId, long version) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(Result<CatchUp>.Refused(refusal)) : Grain(meetingId).GetPersonalEventsSinceAsync(Caller, version);

    [Query]
    public Task<Result<MeetingSnapshot>> GetSnapshot(string meetingId) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(Result<MeetingSnapshot>.Refused(refusal)) : Grain(meetingId).GetPersonalSnapshotAsync(Caller);

    /// <summary>The room list after the user name <paramref name="after"/> (null: from the start), a page at a time.</summary>
    [Query]
    public Task<Result<RosterPage>> ListParticipants(string meetingId, string? after, int count) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(Result<RosterPage>.Refused(refusal)) : Grain(meetingId).ListParticipantsAsync(Caller, after, count);

    [Query]
    public async Task<ImmutableArray<MeetingSummary>> ListMyMeetings() => await myMeetings.ListAsync(Caller);

    /// <summary>The page after <paramref name="cursor"/> (null: the first page, as <see cref="ListMyMeetings"/>).</summary>
    [Query]
    public Task<Result<MeetingPage>> ListMyMeetingsPage(string? cursor) => myMeetings.ListPageAsync(Caller, cursor);

    /// <summary>Creates a meeting in draft; the caller must be an organiser (or administrator) of the meeting's organisation.</summary>
    public Task<CommandResult> CreateMeeting(string meetingId, MeetingSetup setup) => Command(meetingId, (g, a) => g.CreateAsync(a, setup));

    /// <summary>Creates <paramref name="meetingId"/> as a draft copied from <paramref name="fromMeetingId"/> (details replaced by <paramref name="details"/>).</summary>
    public Task<CommandResult> CopyMeeting(string meetingId, string fromMeetingId, MeetingDetails details) =>
        Command(meetingId, (g, a) => g.CreateFromAsync(a, fromMeetingId, details));

    public Task<CommandResult> CancelMeeting(string meetingId, string reason) => Command(meetingId, (g, a) => g.CancelAsync(a, reason));

    /// <summary>The caller's invitation (title, time, place, organiser, their answer): for every participant, even before they take part.</summary>
    [Query]
    public Task<Result<InvitationView>> GetInvitation(string meetingId) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(Result<InvitationView>.Refused(refusal)) : Grain(meetingId).GetInvitationAsync(Caller);

    /// <summary>Attend, absent with a reason, or a deputy who attends in the caller's place.</summary>
    public Task<CommandResult> AnswerInvitation(string meetingId, InvitationAnswerInput answer) =>
        Command(meetingId, (g, a) => g.AnswerInvitationAsync(a, answer));

    /// <summary>Who has opened one document (those who prepare the meeting).</summary>
    [Query]
    public Task<Result<Documents.DocumentReadings>> GetDocumentReadings(string meetingId, string documentId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<Documents.DocumentReadings>.Refused(refusal))
            : Grain(meetingId).GetDocumentReadingsAsync(Caller, documentId);

    public Task<CommandResult> SetParticipants(string meetingId, ParticipantInvite[] participants) =>
        Command(meetingId, (g, a) => g.SetParticipantsAsync(a, [.. participants ?? []]));

    /// <summary>Invites up to 500 people at a time (or changes their role), keeping everyone else: large meetings are built in batches.</summary>
    public Task<CommandResult> AddParticipants(string meetingId, ParticipantInvite[] participants) =>
        Command(meetingId, (g, a) => g.AddParticipantsAsync(a, [.. participants ?? []]));

    [Query]
    public Task<Result<ImmutableArray<Voting.Ledger.LedgerEntry>>> GetLedger(string meetingId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<ImmutableArray<Voting.Ledger.LedgerEntry>>.Refused(refusal))
            : Grain(meetingId).GetLedgerAsync(Caller);

    /// <summary>Ledger entries from <paramref name="fromSequence"/> on: at most <paramref name="count"/> (500 at most), and under about 32 KiB.</summary>
    [Query]
    public Task<Result<LedgerPage>> GetLedgerPage(string meetingId, long fromSequence, int count) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<LedgerPage>.Refused(refusal))
            : Grain(meetingId).GetLedgerPageAsync(Caller, fromSequence, count);

    public Task<CommandResult> ScheduleMeeting(string meetingId) => Command(meetingId, (g, a) => g.ScheduleAsync(a));

    public Task<CommandResult> OpenMeeting(string meetingId) => Command(meetingId, (g, a) => g.OpenAsync(a));

    public Task<CommandResult> CloseMeeting(string meetingId) => Command(meetingId, (g, a) => g.CloseAsync(a));

    public Task<CommandResult> NextItem(string meetingId) => Command(meetingId, (g, a) => g.MoveAsync(a, AgendaMove.Next));

    public Task<CommandResult> PreviousItem(string meetingId) => Command(meetingId, (g, a) => g.MoveAsync(a, AgendaMove.Previous));

    public Task<CommandResult> GoToItem(string meetingId, string itemId) => Command(meetingId, (g, a) => g.MoveAsync(a, AgendaMove.To(itemId)));

    public Task<CommandResult> AddAgendaItem(string meetingId, AgendaItemInput item) => Command(meetingId, (g, a) => g.AddAgendaItemAsync(a, item));

    public Task<CommandResult> UpdateAgendaItem(string meetingId, string itemId, AgendaItemInput item) =>
        Command(meetingId, (g, a) => g.UpdateAgendaItemAsync(a, itemId, item));

    public Task<CommandResult> RemoveAgendaItem(string meetingId, string itemId) => Command(meetingId, (g, a) => g.RemoveAgendaItemAsync(a, itemId));

    public Task<CommandResult> ReorderAgenda(string meetingId, string[] itemIds) =>
        Command(meetingId, (g, a) => g.ReorderAgendaAsync(a, [.. itemIds ?? []]));

    public Task<CommandResult> UpdateMeetingDetails(string meetingId, MeetingDetails details) =>
        Command(meetingId, (g, a) => g.UpdateDetailsAsync(a, details));

    public Task<CommandResult> SetOnlineLink(string meetingId, string? link) =>
        Command(meetingId, (g, a) => g.SetOnlineLinkAsync(a, link));

    public override Task OnConnectedAsync()
    {
        Diagnostics.CabinetMetrics.Connected();
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        Diagnostics.CabinetMetrics.Disconnected();
        foreach (var meetingId in JoinedMeetings)
        {
            await feeds.DetachConnectionAsync(meetingId, Context.ConnectionId);
            await Grain(meetingId).DisconnectAsync(Caller, Context.ConnectionId);
        }

        JoinedMeetings.Clear();
        await DetachNoticesAsync();
        await UnfollowOpinionsAsync();
        await base.OnDisconnectedAsync(exception);
    }

    private Actor Caller => CabinetClaims.ToActor(Context.User) ?? throw new HubException(ErrorCodes.NotSignedIn.Code);

    private HashSet<string> JoinedMeetings =>
        (HashSet<string>)(Context.Items.TryGetValue(nameof(JoinedMeetings), out var set) ? set! : Context.Items[nameof(JoinedMeetings)] = new HashSet<string>(StringComparer.Ordinal));

    private IMeetingGrain Grain(string meetingId) => grains.GetGrain<IMeetingGrain>(meetingId);

    private static CabinetError? Refusal(string meetingId) => MeetingKey.IsValid(meetingId) ? null : ErrorCodes.InvalidMeetingId;

    private Task<CommandResult> Command(string meetingId, Func<IMeetingGrain, Actor, Task<CommandResult>> command) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(CommandResult.Refused(refusal)) : command(Grain(meetingId), Caller);
}
