using Cabinet.Errors;
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

    /// <summary>
    /// The ballot read and its signature checked in the voter's own grain against the device it names; refused when
    /// that device is unknown or revoked. A ballot that is not well formed has no <see cref="CheckedBallot.Form"/>.
    /// </summary>
    public static async Task<Result<CheckedBallot>> CheckAsync(IGrainFactory grains, Actor voter, BallotSubmission? ballot)
    {
        var form = Read(voter, ballot);
        var checkedSignature = await grains.GetGrain<IUserGrain>(voter.UserName)
            .CheckDeviceSignatureAsync(ballot?.DeviceId, form?.Content.ToSigningBytes() ?? [], form?.Signature ?? []);
        return checkedSignature is { Value: { } device }
            ? Result<CheckedBallot>.Of(new CheckedBallot(device.Device, form, device.Verified))
            : Result<CheckedBallot>.Refused(checkedSignature.Error ?? ErrorCodes.DeviceUnknown);
    }
}

/// <summary>A submitted ballot after <see cref="BallotForm.CheckAsync"/>: the device, the ballot if well formed, and whether the device signed it.</summary>
internal sealed record CheckedBallot(DeviceKey Device, (BallotContent Content, byte[] Signature)? Form, bool Verified);
