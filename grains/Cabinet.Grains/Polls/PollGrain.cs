using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Signing;
using Cabinet.Storage;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Ledger;
using Cabinet.Voting.Polls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Cabinet.Polls;

/// <summary>
/// One poll: its <see cref="PollBook"/> (motion, frozen eligibility, ballot chain) and, once closed, the signed result.
/// Ballots are checked against the voter's registered device key and appended to the working book; the grain is
/// reentrant so that ballots arriving while a write is in flight share the next write (group commit). Each ballot is
/// one line of the poll's journal (<see cref="JournalName"/>); the state holds the book without its ballots, so a write
/// costs its own ballots, never the poll's history. A receipt is returned only once the write holding its ballot
/// succeeded. Calls interleave only at awaits, so a ballot is appended either before the close (and counted) or after
/// it (and refused).
/// </summary>
[Reentrant]
public sealed partial class PollGrain(
    [PersistentState("poll", StorageNames.Meetings)] IPersistentState<PollState> state,
    [FromKeyedServices(PollGrain.JournalName)] ILedgerJournal journal,
    Hosting.CabinetSiloOptions options,
    OrganizationSigners signers,
    TimeProvider clock,
    ILogger<PollGrain> logger) : Grain, IPollGrain
{
    public const string JournalName = "ballots";

    /// <summary>The poll as stored (its ballots in the journal up to the state's count).</summary>
    private LoadedPoll _stored = LoadedPoll.None;

    /// <summary>The poll with what is not yet stored: ballots whose lines wait in <see cref="_pending"/>, a close, a cancel.</summary>
    private LoadedPoll _working = LoadedPoll.None;

    private List<BallotLine> _pending = [];

    /// <summary>Who cast the ballots in <see cref="_pending"/> and their receipts: told to the meeting once stored.</summary>
    private List<StoredBallot> _pendingVoters = [];

    /// <summary>The journal's last entry, which the next batch's entries follow.</summary>
    private LedgerEntry? _journalHead;
    private TaskCompletionSource<CabinetError?>? _batch;
    private bool _writing;

    private string MeetingId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync();

    public async Task<CommandResult> OpenAsync(PollBook book)
    {
        if (_working.Book is not null)
        {
            return CommandResult.Refused(ErrorCodes.PollOpen);
        }

        _working = _working with { Book = book };
        return await StoreAsync() is { } failed ? CommandResult.Refused(failed) : CommandResult.Accepted(1);
    }

    public async Task<Result<Receipt>> CastAsync(Actor voter, BallotSubmission ballot)
    {
        var result = await CastBallotAsync(voter, ballot);
        Diagnostics.CabinetMetrics.Ballot(result.Error);
        return result;
    }

    private async Task<Result<Receipt>> CastBallotAsync(Actor voter, BallotSubmission ballot)
    {
        if (_working.Book is null)
        {
            return Result<Receipt>.Refused(ErrorCodes.PollNotFound);
        }

        // The signature is checked in the voter's grain, outside this poll's turn: thousands of ballots check side by side.
        var checkedBallot = await BallotForm.CheckAsync(GrainFactory, voter, ballot);
        if (checkedBallot.Error is { } deviceError)
        {
            return Result<Receipt>.Refused(deviceError);
        }

        if (checkedBallot.Value is not { Form: var (content, signature), Device: var device, Verified: var verified })
        {
            return Result<Receipt>.Refused(ErrorCodes.From(Voting.Errors.VotingErrors.Get(Voting.Errors.VotingErrors.BallotMalformed)));
        }

        if (_working.Book is null)
        {
            return Result<Receipt>.Refused(ErrorCodes.PollNotFound);
        }

        var cast = _working.Book.Cast(new SignedBallot(content, signature), verified, clock.GetUtcNow());
        if (cast.Error is { } error)
        {
            return Result<Receipt>.Refused(ErrorCodes.From(error));
        }

        if (!cast.Replayed)
        {
            _working = _working with { Book = cast.Book };
            _pendingVoters.Add(new StoredBallot(voter.UserName, cast.Receipt!));
            _pending.Add(new BallotLine(cast.Book.Chain.Entries[^1], cast.Book.Motion.Secrecy == Voting.Motions.Secrecy.Named
                ? new BallotEvidenceRecord(cast.Receipt!.Position, content, Convert.ToBase64String(signature), device.DeviceId, device.PublicKeySpki)
                : null));
        }

        // A replay's ballot may still be waiting for its write; either way answer only once it is stored.
        if ((_batch is not null || _writing || !cast.Replayed) && await StoreAsync() is { } failed)
        {
            return Result<Receipt>.Refused(failed);
        }

        return Result<Receipt>.Of(cast.Receipt!);
    }

    public async Task<Result<SignedPollResult>> CloseAsync()
    {
        if (_working.Result is not null || _working.Book is null)
        {
            // Closing again answers with the stored result once it is stored.
            return _working.Book is null ? Result<SignedPollResult>.Refused(ErrorCodes.PollNotFound)
                : await StoreAsync() is { } pending ? Result<SignedPollResult>.Refused(pending)
                : Result<SignedPollResult>.Of(_stored.Result!);
        }

        var closed = _working.Book.Close(clock.GetUtcNow());
        var document = closed.IsSuccess ? closed.Value!.Result() : null;
        if ((closed.Error ?? document?.Error) is { } error)
        {
            return Result<SignedPollResult>.Refused(ErrorCodes.From(error));
        }

        // From here on the working book is closed: ballots still arriving are refused, those before are in the tally.
        var open = _working.Book;
        _working = _working with { Book = closed.Value };
        var signed = await SignAsync(document!.Value!);
        if (signed is null)
        {
            _working = _working with { Book = open };
            return Result<SignedPollResult>.Refused(ErrorCodes.SigningUnavailable);
        }

        _working = _working with { Result = signed };
        return await StoreAsync() is { } failed ? Result<SignedPollResult>.Refused(failed) : Result<SignedPollResult>.Of(signed);
    }

    public async Task<CommandResult> CancelAsync(string reason)
    {
        if (_working.Book is not { } book)
        {
            return CommandResult.Refused(ErrorCodes.PollNotFound);
        }

        var cancelled = book.Cancel(reason, clock.GetUtcNow());
        if (cancelled.Error is { } error)
        {
            return CommandResult.Refused(ErrorCodes.From(error));
        }

        _working = _working with { Book = cancelled.Value };
        return await StoreAsync() is { } failed ? CommandResult.Refused(failed) : CommandResult.Accepted(1);
    }
}
