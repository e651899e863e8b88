using Cabinet.Voting.Ballots;
using Cabinet.Voting.Errors;

namespace Cabinet.Voting.Polls;

/// <summary>The checks a ballot's content must pass before it can be counted, in the order they are reported.</summary>
internal static class BallotAdmission
{
    /// <summary>How far a device's clock may be from the server's; castAt is signed by the device.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static string? CheckAddressAndForm(PollBook book, SignedBallot ballot, DateTimeOffset at)
    {
        var content = ballot?.Content;
        if (content is null || ballot!.Signature is null)
        {
            return VotingErrors.BallotMalformed;
        }

        if (!string.Equals(content.MeetingId, book.MeetingId, StringComparison.Ordinal)
            || !string.Equals(content.PollId, book.PollId, StringComparison.Ordinal))
        {
            return VotingErrors.BallotWrongPoll;
        }

        var wellFormed = Identifier.IsValid(content.Voter)
            && !content.Choices.IsDefault && content.Choices.All(c => Identifier.IsValid(c, 64))
            && Identifier.IsNonce(content.Nonce)
            && content.CastAt >= book.OpenedAt - ClockSkew && content.CastAt <= at + ClockSkew;
        return wellFormed ? null : VotingErrors.BallotMalformed;
    }

    public static string? CheckVoterAndChoices(PollBook book, BallotContent content) =>
        book.Status switch
        {
            PollStatus.Closed => VotingErrors.PollClosed,
            PollStatus.Cancelled => VotingErrors.PollCancelled,
            _ when book.Eligibility.Find(content.Voter) is null => VotingErrors.BallotNotEligible,
            _ when book.VotersWhoVoted.Contains(content.Voter) => VotingErrors.BallotAlreadyVoted,
            _ when !book.Motion.AcceptsChoices(content.Choices) => VotingErrors.BallotInvalidChoice,
            _ => null,
        };
}
