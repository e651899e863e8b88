using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Cabinet.Errors;
using Cabinet.Hub.Limits;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Hub;

/// <summary>Electronic voting over the hub: device keys, polls (chair), signed ballots (eligible voters).</summary>
public sealed partial class MeetingHub
{
    public Task<Result<DeviceKey>> RegisterDevice(string label, string publicKeySpki) => User().RegisterDeviceAsync(label, publicKeySpki);

    public Task<CommandResult> RevokeDevice(string deviceId) => User().RevokeDeviceAsync(deviceId);

    [Query]
    public Task<ImmutableArray<DeviceKey>> ListDevices() => User().GetDevicesAsync();

    public Task<CommandResult> OpenPoll(string meetingId, MotionInput motion) => Command(meetingId, (g, a) => g.OpenPollAsync(a, motion));

    public Task<CommandResult> ClosePoll(string meetingId, string pollId) => Command(meetingId, (g, a) => g.ClosePollAsync(a, pollId));

    public Task<CommandResult> CancelPoll(string meetingId, string pollId, string reason) =>
        Command(meetingId, (g, a) => g.CancelPollAsync(a, pollId, reason));

    [Query]
    public Task<Result<PollParticipation>> GetPollParticipation(string meetingId, string pollId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<PollParticipation>.Refused(refusal))
            : Grain(meetingId).GetPollParticipationAsync(Caller, pollId);

    /// <summary>The whole chain when it fits one page; <c>poll.chain_too_long</c> otherwise (then read it by pages).</summary>
    [Query]
    public async Task<Result<BallotChain>> GetBallotChain(string meetingId, string pollId)
    {
        if (Refusal(meetingId) is { } refusal)
        {
            return Result<BallotChain>.Refused(refusal);
        }

        var page = await Grain(meetingId).GetBallotChainPageAsync(Caller, pollId, 0, BallotChainPage.MaxEntries);
        return !page.Ok ? Result<BallotChain>.Refused(page.Error!)
            : page.Value!.NextAfter is null ? Result<BallotChain>.Of(new BallotChain(page.Value.PollId, page.Value.Entries))
            : Result<BallotChain>.Refused(ErrorCodes.BallotChainTooLong);
    }

    [Query]
    public Task<Result<BallotChainPage>> GetBallotChainPage(string meetingId, string pollId, int after, int count) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<BallotChainPage>.Refused(refusal))
            : Grain(meetingId).GetBallotChainPageAsync(Caller, pollId, after, count);

    [Query]
    public Task<Result<SignedPollResult>> GetPollResult(string meetingId, string pollId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<SignedPollResult>.Refused(refusal))
            : Grain(meetingId).GetPollResultAsync(Caller, pollId);

    [Query]
    public Task<Result<MyBallot>> GetMyBallot(string meetingId, string pollId) =>
        Refusal(meetingId) is { } refusal
            ? Task.FromResult(Result<MyBallot>.Refused(refusal))
            : Grain(meetingId).GetMyBallotAsync(Caller, pollId);

    /// <summary>Casts a signed ballot as the caller; the receipt comes back only once the ballot is stored.</summary>
    public Task<Result<Receipt>> CastBallot(BallotSubmission ballot)
    {
        if (ballot is null || Refusal(ballot.MeetingId) is not null || !PollIdPattern().IsMatch(ballot.PollId ?? ""))
        {
            return Task.FromResult(Result<Receipt>.Refused(ballot is null ? ErrorCodes.Invalid("Thiếu phiếu biểu quyết.") : ErrorCodes.PollNotFound));
        }

        return grains.GetGrain<IPollGrain>($"{ballot.MeetingId}/{ballot.PollId}").CastAsync(Caller, ballot);
    }

    private IUserGrain User() => grains.GetGrain<IUserGrain>(Caller.UserName);

    [GeneratedRegex("^p[0-9]{1,6}$")]
    private static partial Regex PollIdPattern();
}
