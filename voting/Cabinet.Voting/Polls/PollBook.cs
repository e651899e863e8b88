using System.Collections.Immutable;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Errors;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;

namespace Cabinet.Voting.Polls;

/// <summary>
/// One poll's whole state, immutable: every command returns the next book (or an error) so a grain only stores it.
/// In a secret poll nothing here links a name to a choice: chain entries carry no voter, and
/// <see cref="VotersWhoVoted"/> is an unordered set so it does not reveal the order of voting either.
/// (The moment a participation count goes up is still observable live; publish the chain only after closing.)
/// </summary>
public sealed record PollBook(
    string MeetingId,
    string PollId,
    Motion Motion,
    Eligibility Eligibility,
    PollStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? CancelReason,
    BallotChain Chain,
    ImmutableHashSet<string> VotersWhoVoted)
{
    public const int MaxReasonLength = 500;

    public static VotingResult<PollBook> Open(string meetingId, string pollId, Motion motion, Eligibility eligibility, DateTimeOffset at)
    {
        if (!Identifier.IsValid(meetingId) || !Identifier.IsValid(pollId))
        {
            return VotingResult<PollBook>.Fail(VotingErrors.PollInvalidId);
        }

        if (motion.Validate() is [var motionError, ..])
        {
            return VotingResult<PollBook>.Fail(motionError);
        }

        if (eligibility.Validate() is { } eligibilityError)
        {
            return VotingResult<PollBook>.Fail(eligibilityError);
        }

        return VotingResult<PollBook>.Ok(new PollBook(meetingId, pollId, motion, eligibility, PollStatus.Open, at, null, null,
            BallotChain.Empty(pollId), ImmutableHashSet<string>.Empty));
    }

    /// <param name="signatureOk">The result of <see cref="BallotSignatureVerifier.Verify"/> against the voter's registered device key.</param>
    public CastResult Cast(SignedBallot ballot, bool signatureOk, DateTimeOffset at)
    {
        var refusal = BallotAdmission.CheckAddressAndForm(this, ballot, at) ?? (signatureOk ? null : VotingErrors.BallotBadSignature);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }

        var ballotHash = ballot.ComputeHash();
        if (Chain.FindByBallotHash(ballotHash) is { } earlier)
        {
            return new CastResult(this, Chain.ReceiptFor(earlier), null, Replayed: true);
        }

        var content = ballot.Content;
        if (BallotAdmission.CheckVoterAndChoices(this, content) is { } code)
        {
            return Refuse(code);
        }

        var weight = Eligibility.Find(content.Voter)!.Weight;
        var voter = Motion.Secrecy == Secrecy.Named ? content.Voter : null;
        var (chain, receipt) = Chain.Append(ballotHash, content.Choices, weight, voter);
        var next = this with { Chain = chain, VotersWhoVoted = VotersWhoVoted.Add(content.Voter) };
        return new CastResult(next, receipt, null, Replayed: false);
    }

    public VotingResult<PollBook> Close(DateTimeOffset at) =>
        NotOpenError() is { } error
            ? VotingResult<PollBook>.Fail(error)
            : VotingResult<PollBook>.Ok(this with { Status = PollStatus.Closed, ClosedAt = at });

    public VotingResult<PollBook> Cancel(string reason, DateTimeOffset at)
    {
        if (NotOpenError() is { } error)
        {
            return VotingResult<PollBook>.Fail(error);
        }

        return string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength
            ? VotingResult<PollBook>.Fail(VotingErrors.PollInvalidReason)
            : VotingResult<PollBook>.Ok(this with { Status = PollStatus.Cancelled, ClosedAt = at, CancelReason = reason });
    }

    /// <summary>The book without its ballots (chain entries and who voted): what is stored beside the journal that holds them.</summary>
    public PollBook WithoutBallots() => this with { Chain = BallotChain.Empty(PollId), VotersWhoVoted = [] };

    /// <summary>The book without its ballots, with them put back: exactly the chain the stored head and count pin, and who voted.</summary>
    /// <exception cref="InvalidDataException">The entries are not that chain, or the voters do not match them.</exception>
    public PollBook WithBallots(IReadOnlyList<BallotChainEntry> entries, string head, ImmutableHashSet<string> voters)
    {
        if (BallotChain.FindFirstFault(entries, head) is { } fault)
        {
            throw new InvalidDataException($"The ballots of poll {PollId} do not match its stored head: at {fault.Position}, {fault.Reason}.");
        }

        var named = entries.Where(e => e.Ballot.Voter is not null).Select(e => e.Ballot.Voter!);
        if (voters.Count != entries.Count || !voters.IsSubsetOf(Eligibility.Voters.Select(v => v.UserName)) || !voters.IsSupersetOf(named))
        {
            throw new InvalidDataException($"The voters of poll {PollId} do not match its {entries.Count} ballots.");
        }

        return this with { Chain = new BallotChain(PollId, [.. entries]), VotersWhoVoted = voters };
    }

    public Participation Participation()
    {
        var votedWeight = Chain.Entries.Sum(e => (long)e.Ballot.Weight);
        return new Participation(VotersWhoVoted.Count, Eligibility.Voters.Length, votedWeight, Eligibility.EligibleWeight);
    }

    /// <summary>The counts so far (final once closed). Contains no names, even in a named poll, except the chair's choice there.</summary>
    public Tally Tally() => Tallying.Tally.Count(Motion, Eligibility, Chain.Entries.Select(e => e.Ballot));

    public VotingResult<PollResultDocument> Result()
    {
        if (Status != PollStatus.Closed || ClosedAt is not { } closedAt)
        {
            return VotingResult<PollResultDocument>.Fail(Status == PollStatus.Cancelled ? VotingErrors.PollCancelled : VotingErrors.PollNotClosed);
        }

        var tally = Tally();
        return VotingResult<PollResultDocument>.Ok(new PollResultDocument(MeetingId, PollId, Motion, Eligibility, tally,
            PollDecision.Decide(Motion, Eligibility, tally), Chain.Head, Chain.Count, OpenedAt, closedAt));
    }

    private string? NotOpenError() => Status switch
    {
        PollStatus.Closed => VotingErrors.PollClosed,
        PollStatus.Cancelled => VotingErrors.PollCancelled,
        _ => null,
    };

    private CastResult Refuse(string code) => new(this, null, VotingErrors.Get(code), Replayed: false);
}
