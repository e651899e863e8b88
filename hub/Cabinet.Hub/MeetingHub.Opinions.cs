using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Hub.Limits;
using Cabinet.Meetings;
using Cabinet.Opinions;
using Cabinet.Voting.Ballots;

namespace Cabinet.Hub;

/// <summary>
/// Opinion ballots over the hub (docs/protocol.md, "Opinion ballots"): thin — check the ballot id, call its grain, which
/// checks the caller with <see cref="OpinionPermissions"/>. Following a ballot sends its steps as <c>OpinionEvent</c>.
/// </summary>
public sealed partial class MeetingHub
{
    /// <summary>Ballots one connection may follow at once.</summary>
    public const int MaxFollowedOpinions = 20;

    [Query]
    public Task<ImmutableArray<OpinionSummary>> ListOpinionBallots() =>
        grains.GetGrain<IOpinionBallotsGrain>(Caller.OrganizationId).ListAsync(Caller);

    /// <summary>A new draft in the caller's organisation; the value is the new ballot's id.</summary>
    public async Task<Result<string>> DraftOpinionBallot(OpinionDraft draft)
    {
        var ballotId = OpinionKey.New(Caller.OrganizationId);
        var drafted = await Opinion(ballotId).DraftAsync(Caller, draft);
        return drafted.Ok ? Result<string>.Of(ballotId) : Result<string>.Refused(drafted.Error!);
    }

    public Task<CommandResult> EditOpinionBallot(string ballotId, OpinionDraft draft) => OpinionCommand(ballotId, (g, a) => g.EditAsync(a, draft));

    public Task<CommandResult> SubmitOpinionBallot(string ballotId) => OpinionCommand(ballotId, (g, a) => g.SubmitAsync(a));

    public Task<CommandResult> ApproveOpinionBallot(string ballotId) => OpinionCommand(ballotId, (g, a) => g.ApproveAsync(a));

    public Task<CommandResult> ReturnOpinionBallot(string ballotId, string comment) => OpinionCommand(ballotId, (g, a) => g.ReturnAsync(a, comment));

    public Task<CommandResult> CloseOpinionBallot(string ballotId) => OpinionCommand(ballotId, (g, a) => g.CloseAsync(a));

    /// <summary>The secretary's, then the chair's signature on the consolidated report from their own device: Begin, sign, Complete (as the minutes).</summary>
    public Task<Result<Closing.MinutesSigningChallenge>> BeginOpinionReportSignature(string ballotId, string deviceId) =>
        OpinionRefusal(ballotId) is { } refusal
            ? Task.FromResult(Result<Closing.MinutesSigningChallenge>.Refused(refusal))
            : Opinion(ballotId).BeginReportSignatureAsync(Caller, deviceId);

    public Task<CommandResult> CompleteOpinionReportSignature(string ballotId, string signatureBase64) =>
        OpinionCommand(ballotId, (g, a) => g.CompleteReportSignatureAsync(a, signatureBase64));

    /// <summary>A member's signed answer; the receipt comes back once it is stored.</summary>
    public Task<Result<Receipt>> AnswerOpinionBallot(string ballotId, OpinionAnswerSubmission answer) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(Result<Receipt>.Refused(refusal)) : Opinion(ballotId).AnswerAsync(Caller, answer);

    [Query]
    public Task<Result<OpinionBallotView>> GetOpinionBallot(string ballotId) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(Result<OpinionBallotView>.Refused(refusal)) : Opinion(ballotId).GetAsync(Caller);

    [Query]
    public Task<Result<OpinionConsolidation>> GetOpinionConsolidation(string ballotId) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(Result<OpinionConsolidation>.Refused(refusal)) : Opinion(ballotId).GetConsolidationAsync(Caller);

    [Query]
    public Task<Result<OpinionMyAnswer?>> GetMyOpinionAnswer(string ballotId) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(Result<OpinionMyAnswer?>.Refused(refusal)) : Opinion(ballotId).GetMyAnswerAsync(Caller);

    [Query]
    public Task<Result<LedgerPage>> GetOpinionLedgerPage(string ballotId, long fromSequence, int count) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(Result<LedgerPage>.Refused(refusal)) : Opinion(ballotId).GetLedgerPageAsync(Caller, fromSequence, count);

    /// <summary>Attaches a closed ballot's outcome to an agenda item of a meeting (the meeting grain decides who and when).</summary>
    public Task<CommandResult> AttachOpinionOutcome(string meetingId, string itemId, string ballotId) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(CommandResult.Refused(refusal))
        : Command(meetingId, (g, a) => g.AttachOpinionOutcomeAsync(a, itemId, ballotId));

    public Task<CommandResult> DetachOpinionOutcome(string meetingId, string itemId) =>
        Command(meetingId, (g, a) => g.DetachOpinionOutcomeAsync(a, itemId));

    /// <summary>Sends this connection the ballot's steps (<c>OpinionEvent</c>) from now on, and returns the ballot.</summary>
    public async Task<Result<OpinionBallotView>> FollowOpinionBallot(string ballotId)
    {
        var view = await GetOpinionBallot(ballotId);
        if (!view.Ok || FollowedOpinions.ContainsKey(ballotId))
        {
            return view;
        }

        if (FollowedOpinions.Count >= MaxFollowedOpinions)
        {
            return Result<OpinionBallotView>.Refused(ErrorCodes.TooManyJoined);
        }

        var connection = Context.ConnectionId;
        FollowedOpinions[ballotId] = await opinionFeeds.FollowAsync(ballotId, e => hubContext.Clients.Client(connection).OpinionEvent(e));
        return view;
    }

    public async Task<CommandResult> UnfollowOpinionBallot(string ballotId)
    {
        if (FollowedOpinions.Remove(ballotId, out var following))
        {
            await following.DisposeAsync();
            return CommandResult.Accepted(0);
        }

        // Nothing to unfollow: only someone who may see the ballot hears that it went well.
        var view = await GetOpinionBallot(ballotId);
        return view.Ok ? CommandResult.Accepted(0) : CommandResult.Refused(view.Error!, 0);
    }

    private async Task UnfollowOpinionsAsync()
    {
        foreach (var following in FollowedOpinions.Values)
        {
            await following.DisposeAsync();
        }

        FollowedOpinions.Clear();
    }

    private Dictionary<string, IAsyncDisposable> FollowedOpinions =>
        (Dictionary<string, IAsyncDisposable>)(Context.Items.TryGetValue(nameof(FollowedOpinions), out var map) ? map!
            : Context.Items[nameof(FollowedOpinions)] = new Dictionary<string, IAsyncDisposable>(StringComparer.Ordinal));

    private IOpinionBallotGrain Opinion(string ballotId) => grains.GetGrain<IOpinionBallotGrain>(ballotId);

    private static CabinetError? OpinionRefusal(string ballotId) => OpinionKey.IsValid(ballotId) ? null : ErrorCodes.OpinionNotFound;

    private Task<CommandResult> OpinionCommand(string ballotId, Func<IOpinionBallotGrain, People.Actor, Task<CommandResult>> command) =>
        OpinionRefusal(ballotId) is { } refusal ? Task.FromResult(CommandResult.Refused(refusal)) : command(Opinion(ballotId), Caller);
}
