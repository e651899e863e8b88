using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

/// <summary>
/// One poll's ballots, keyed <c>"{meetingId}/{pollId}"</c>. Opened, closed and cancelled only by its meeting grain;
/// ballots come straight from the voters (the hot path does not queue behind the meeting). A ballot is stored
/// before its receipt is returned.
/// </summary>
[Alias("cabinet.IPollGrain")]
public interface IPollGrain : IGrainWithStringKey
{
    Task<CommandResult> OpenAsync(PollBook book);

    Task<Result<Receipt>> CastAsync(Actor voter, BallotSubmission ballot);

    /// <summary>Closes and signs the result; closing again returns the same signed result.</summary>
    Task<Result<SignedPollResult>> CloseAsync();

    Task<CommandResult> CancelAsync(string reason);

    Task<PollParticipation> GetParticipationAsync(bool withNames);

    /// <summary>
    /// The voters who may vote and have not, while the poll is open (empty otherwise), also in a secret poll: only for the
    /// meeting's "a vote is open and you have not voted" notice, which tells each of them about themselves alone.
    /// </summary>
    Task<System.Collections.Immutable.ImmutableArray<string>> GetNotYetVotedAsync();

    /// <summary>The signed result document, once the poll is closed.</summary>
    Task<Result<SignedPollResult>> GetResultAsync();

    /// <summary>Whether <paramref name="voter"/> voted (from stored state); the receipt only in a named poll, whose chain names voters.</summary>
    Task<MyBallot> GetBallotOfAsync(string voter);

    /// <summary>The ballot chain, published only once the poll is closed.</summary>
    Task<Result<BallotChain>> GetChainAsync();

    /// <summary>A page of the published chain: entries after position <paramref name="after"/>.</summary>
    Task<Result<BallotChainPage>> GetChainPageAsync(int after, int count);

    /// <summary>A named poll's signed ballots with their devices' keys, for the archive; only once the poll is closed, empty for a secret poll.</summary>
    Task<Result<System.Collections.Immutable.ImmutableArray<BallotEvidenceRecord>>> GetBallotEvidenceAsync();
}
