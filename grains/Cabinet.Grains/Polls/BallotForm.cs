using Cabinet.People;
using Cabinet.Voting.Ballots;

namespace Cabinet.Polls;

/// <summary>Turns a submitted ballot into the domain's content and signature bytes; null when it is not well formed.</summary>
internal static class BallotForm
{
    public const int MaxSignatureBytes = 132;

    public static (BallotContent Content, byte[] Signature)? Read(Actor voter, BallotSubmission? ballot)
    {
        if (ballot is null || string.IsNullOrEmpty(ballot.Signature) || ballot.Signature.Length > 4 * MaxSignatureBytes
            || ballot.MeetingId is null || ballot.PollId is null || ballot.Nonce is null)
        {
            return null;
        }

        var signature = new byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(ballot.Signature, signature, out var length))
        {
            return null;
        }

        var choices = ballot.Choices.IsDefault ? [] : ballot.Choices;
        return (new BallotContent(ballot.MeetingId, ballot.PollId, voter.UserName, choices, ballot.Nonce, ballot.CastAt), signature[..length]);
    }
}
