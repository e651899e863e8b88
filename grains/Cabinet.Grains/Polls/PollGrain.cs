using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Signing;
using Cabinet.Storage;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Signing;
using Microsoft.Extensions.Logging;

namespace Cabinet.Polls;

/// <summary>
/// One poll: its <see cref="PollBook"/> (motion, frozen eligibility, ballot chain) and, once closed, the signed result.
/// Ballots are checked against the voter's registered device key, stored, and only then receipted. Calls run one at
/// a time, so a ballot either lands before the close (and is counted) or after it (and is refused).
/// </summary>
public sealed partial class PollGrain(
    [PersistentState("poll", StorageNames.Meetings)] IPersistentState<PollState> state,
    OrganizationSigners signers,
    TimeProvider clock,
    ILogger<PollGrain> logger) : Grain, IPollGrain
{
    private string MeetingId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    public async Task<CommandResult> OpenAsync(PollBook book)
    {
        if (state.State.Book is not null)
        {
            return CommandResult.Refused(ErrorCodes.PollOpen);
        }

        return await SaveAsync(state.State with { Book = book }) ?? CommandResult.Accepted(1);
    }

    public async Task<Result<Receipt>> CastAsync(Actor voter, BallotSubmission ballot)
    {
        if (state.State.Book is not { } book)
        {
            return Result<Receipt>.Refused(ErrorCodes.PollNotFound);
        }

        var key = await DeviceKeyAsync(voter.UserName, ballot.DeviceId);
        if (key.Error is { } keyError)
        {
            return Result<Receipt>.Refused(keyError);
        }

        if (BallotForm.Read(voter, ballot) is not { } form)
        {
            return Result<Receipt>.Refused(ErrorCodes.From(Voting.Errors.VotingErrors.Get(Voting.Errors.VotingErrors.BallotMalformed)));
        }

        var (content, signature) = form;
        var verified = BallotSignatureVerifier.Verify(content, signature, Convert.FromBase64String(key.Value!.PublicKeySpki));
        var cast = book.Cast(new SignedBallot(content, signature), verified, clock.GetUtcNow());
        if (cast.Error is { } error)
        {
            return Result<Receipt>.Refused(ErrorCodes.From(error));
        }

        if (!cast.Replayed && await SaveAsync(state.State with { Book = cast.Book }) is { } failed)
        {
            return Result<Receipt>.Refused(failed.Error!);
        }

        if (!cast.Replayed)
        {
            var participation = cast.Book.Participation();
            await GrainFactory.GetGrain<IMeetingGrain>(MeetingId)
                .ReportParticipationAsync(new PollParticipation(MeetingId, book.PollId, participation.Voted, participation.Eligible));
        }

        return Result<Receipt>.Of(cast.Receipt!);
    }

    public async Task<Result<SignedPollResult>> CloseAsync()
    {
        if (state.State.Result is { } done)
        {
            return Result<SignedPollResult>.Of(done);
        }

        if (state.State.Book is not { } book)
        {
            return Result<SignedPollResult>.Refused(ErrorCodes.PollNotFound);
        }

        var closed = book.Close(clock.GetUtcNow());
        var document = closed.IsSuccess ? closed.Value!.Result() : null;
        if ((closed.Error ?? document?.Error) is { } error)
        {
            return Result<SignedPollResult>.Refused(ErrorCodes.From(error));
        }

        var signed = await SignAsync(document!.Value!);
        if (signed is null)
        {
            return Result<SignedPollResult>.Refused(ErrorCodes.SigningUnavailable);
        }

        return await SaveAsync(state.State with { Book = closed.Value, Result = signed }) is { } failed
            ? Result<SignedPollResult>.Refused(failed.Error!)
            : Result<SignedPollResult>.Of(signed);
    }

    public async Task<CommandResult> CancelAsync(string reason)
    {
        if (state.State.Book is not { } book)
        {
            return CommandResult.Refused(ErrorCodes.PollNotFound);
        }

        var cancelled = book.Cancel(reason, clock.GetUtcNow());
        if (cancelled.Error is { } error)
        {
            return CommandResult.Refused(ErrorCodes.From(error));
        }

        return await SaveAsync(state.State with { Book = cancelled.Value }) ?? CommandResult.Accepted(1);
    }

    public Task<PollParticipation> GetParticipationAsync(bool withNames)
    {
        var book = state.State.Book;
        if (book is null)
        {
            return Task.FromResult(new PollParticipation(MeetingId, "", 0, 0));
        }

        var p = book.Participation();
        var notYet = withNames && book.Motion.Secrecy == Voting.Motions.Secrecy.Named
            ? book.Eligibility.Voters.Select(v => v.UserName).Where(u => !book.VotersWhoVoted.Contains(u)).ToImmutableArray()
            : (ImmutableArray<string>?)null;
        return Task.FromResult(new PollParticipation(MeetingId, book.PollId, p.Voted, p.Eligible, notYet));
    }

    public Task<Result<BallotChain>> GetChainAsync() =>
        Task.FromResult(state.State.Book is { Status: PollStatus.Closed } book
            ? Result<BallotChain>.Of(book.Chain)
            : Result<BallotChain>.Refused(ErrorCodes.PollNotOpen with { Message = "Chuỗi phiếu chỉ được công bố sau khi kết thúc biểu quyết." }));

    private async Task<Result<DeviceKey>> DeviceKeyAsync(string userName, string? deviceId)
    {
        var devices = await GrainFactory.GetGrain<IUserGrain>(userName).GetDevicesAsync();
        var device = devices.FirstOrDefault(d => d.DeviceId == deviceId);
        return device is null ? Result<DeviceKey>.Refused(ErrorCodes.DeviceUnknown)
            : !device.IsActive ? Result<DeviceKey>.Refused(ErrorCodes.DeviceRevoked)
            : Result<DeviceKey>.Of(device);
    }

    private async Task<SignedPollResult?> SignAsync(PollResultDocument document)
    {
        try
        {
            var organizationId = MeetingKey.OrganizationOf(MeetingId);
            var profile = await GrainFactory.GetGrain<IOrganizationGrain>(organizationId).GetProfileAsync();
            var signer = signers.For(organizationId, profile?.Name ?? organizationId);
            var json = document.ToCanonicalBytes();
            var signature = CmsDetachedSignature.Sign(json, signer, CmsProfile.Cades);
            return new SignedPollResult(document.Outcome, document.BallotCount, document.ChainHead,
                System.Text.Encoding.UTF8.GetString(json), Convert.ToBase64String(signature), signer.Certificate.Subject, document.Tally);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException)
        {
            LogSigningFailed(ex, this.GetPrimaryKeyString());
            return null;
        }
    }

    /// <returns>null when stored; otherwise the refusal (and the state is as before).</returns>
    private async Task<CommandResult?> SaveAsync(PollState next)
    {
        var before = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
            return null;
        }
        catch (Exception ex)
        {
            state.State = before;
            LogWriteFailed(ex, this.GetPrimaryKeyString());
            DeactivateOnIdle();
            return CommandResult.Refused(ErrorCodes.StorageFailed);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll {PollKey}: storing failed; the command was refused")]
    private partial void LogWriteFailed(Exception exception, string pollKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll {PollKey}: signing the result failed")]
    private partial void LogSigningFailed(Exception exception, string pollKey);
}
