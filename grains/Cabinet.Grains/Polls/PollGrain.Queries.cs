using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Signing;
using Microsoft.Extensions.Logging;

namespace Cabinet.Polls;

/// <summary>What the poll answers from its stored state (never from ballots not yet stored), and its helpers.</summary>
public sealed partial class PollGrain
{
    public Task<PollParticipation> GetParticipationAsync(bool withNames)
    {
        if (_stored.Book is not { } book)
        {
            return Task.FromResult(new PollParticipation(MeetingId, "", 0, 0));
        }

        var p = book.Participation();
        var notYet = withNames && book.Motion.Secrecy == Voting.Motions.Secrecy.Named
            ? book.Eligibility.Voters.Select(v => v.UserName).Where(u => !book.VotersWhoVoted.Contains(u)).ToImmutableArray()
            : (ImmutableArray<string>?)null;
        return Task.FromResult(new PollParticipation(MeetingId, book.PollId, p.Voted, p.Eligible, notYet));
    }

    public Task<ImmutableArray<string>> GetNotYetVotedAsync() =>
        Task.FromResult(_stored.Book is { Status: PollStatus.Open } book
            ? book.Eligibility.Voters.Select(v => v.UserName).Where(u => !book.VotersWhoVoted.Contains(u)).ToImmutableArray()
            : []);

    public Task<MyBallot> GetBallotOfAsync(string voter)
    {
        var book = _stored.Book;
        var entry = book is { Motion.Secrecy: Voting.Motions.Secrecy.Named } ? book.Chain.Entries.FirstOrDefault(e => e.Ballot.Voter == voter) : null;
        return Task.FromResult(new MyBallot(MeetingId, book?.PollId ?? "", book?.VotersWhoVoted.Contains(voter) == true,
            entry is null ? null : book!.Chain.ReceiptFor(entry)));
    }

    public Task<Result<BallotChain>> GetChainAsync() =>
        Task.FromResult(_stored.Book is { Status: PollStatus.Closed } book
            ? Result<BallotChain>.Of(book.Chain)
            : Result<BallotChain>.Refused(ErrorCodes.PollNotOpen with { Message = "Chuỗi phiếu chỉ được công bố sau khi kết thúc biểu quyết." }));

    public async Task<Result<BallotChainPage>> GetChainPageAsync(int after, int count)
    {
        var chain = await GetChainAsync();
        return chain.Ok ? Result<BallotChainPage>.Of(BallotChainPage.Of(chain.Value!, after, count)) : Result<BallotChainPage>.Refused(chain.Error!);
    }

    public Task<Result<SignedPollResult>> GetResultAsync() =>
        Task.FromResult(_stored.Result is { } result
            ? Result<SignedPollResult>.Of(result)
            : Result<SignedPollResult>.Refused(_stored.Book is null ? ErrorCodes.PollNotFound : ErrorCodes.PollNotOpen with { Message = "Kết quả chỉ có sau khi kết thúc biểu quyết." }));

    public async Task<Result<ImmutableArray<BallotEvidenceRecord>>> GetBallotEvidenceAsync()
    {
        if (_stored.Book is not { Status: PollStatus.Closed } book)
        {
            return Result<ImmutableArray<BallotEvidenceRecord>>.Refused(ErrorCodes.PollNotOpen with { Message = "Phiếu đã ký chỉ được lưu trữ sau khi kết thúc biểu quyết." });
        }

        var entries = await journal.ReadChainAsync(Key, book.Chain.Count);
        return Result<ImmutableArray<BallotEvidenceRecord>>.Of([.. entries.Select(e => BallotLine.Of(e).Evidence).OfType<BallotEvidenceRecord>()]);
    }

    private async Task<SignedPollResult?> SignAsync(PollResultDocument document)
    {
        try
        {
            var organizationId = MeetingKey.OrganizationOf(MeetingId);
            var profile = await GrainFactory.GetGrain<IOrganizationGrain>(organizationId).GetProfileAsync();
            var signer = signers.For(organizationId, profile?.Name ?? organizationId);
            var json = document.ToCanonicalBytes();
            var signature = await signer.SignAsync(json, CmsProfile.Cades);
            return new SignedPollResult(document.Outcome, document.BallotCount, document.ChainHead,
                System.Text.Encoding.UTF8.GetString(json), Convert.ToBase64String(signature), signer.Certificate.Subject, document.Tally);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException)
        {
            LogSigningFailed(ex, this.GetPrimaryKeyString());
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll {PollKey}: signing the result failed")]
    private partial void LogSigningFailed(Exception exception, string pollKey);
}
