using Cabinet.Opinions;
using Cabinet.People;

namespace Cabinet.Grains.Tests;

internal static class OpinionReportSigning
{
    /// <summary>Both round-trips of a signatory's device signature on the report, as the browser makes them.</summary>
    public static async Task SignAsync(IOpinionBallotGrain ballot, TestVoter device)
    {
        var challenge = await ballot.BeginReportSignatureAsync(device.Actor, device.DeviceId);
        Assert.True(challenge.Ok, challenge.Error?.Code);
        var signed = await ballot.CompleteReportSignatureAsync(device.Actor, device.SignBase64(Convert.FromBase64String(challenge.Value!.SignedAttributesBase64)));
        Assert.True(signed.Ok, signed.Error?.Code);
    }

    /// <summary>The secretary's and then the chair's signatures, after which the report is sealed.</summary>
    public static async Task SignInTurnAsync(IGrainFactory grains, IOpinionBallotGrain ballot, Actor secretary, Actor chair)
    {
        foreach (var signatory in new[] { secretary, chair })
        {
            using var device = await TestVoter.RegisterAsync(grains, signatory);
            await SignAsync(ballot, device);
        }
    }
}
