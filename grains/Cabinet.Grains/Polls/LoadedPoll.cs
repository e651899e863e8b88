using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

/// <summary>A poll as the grain works on it: its book with every ballot, and the signed result once closed.</summary>
internal sealed record LoadedPoll(PollBook? Book, SignedPollResult? Result)
{
    public static LoadedPoll None { get; } = new(null, null);

    /// <summary>What is stored of it beside the journal that holds its ballots.</summary>
    public PollState Stored() => new()
    {
        Book = Book?.WithoutBallots(),
        Result = Result,
        BallotCount = Book?.Chain.Count ?? 0,
        ChainHead = Book?.Chain.Head,
        Voted = Book is null ? null : VoterMarks.Of(Book.Eligibility, Book.VotersWhoVoted),
    };
}
