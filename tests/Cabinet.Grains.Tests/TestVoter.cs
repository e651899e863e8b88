using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Grains.Tests;

/// <summary>A voter's device as the browser has it: an ECDSA P-256 key registered to the user, signing ballots.</summary>
public sealed class TestVoter : IDisposable
{
    private readonly ECDsa _key;

    private TestVoter(Actor actor, string deviceId, ECDsa key) => (Actor, DeviceId, _key) = (actor, deviceId, key);

    public Actor Actor { get; }

    public string DeviceId { get; }

    public static async Task<TestVoter> RegisterAsync(IGrainFactory grains, Actor actor)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var device = await grains.GetGrain<IUserGrain>(actor.UserName).RegisterDeviceAsync("Máy tính bảng", spki);
        Assert.True(device.Ok, device.Error?.Code);
        return new TestVoter(actor, device.Value!.DeviceId, key);
    }

    /// <summary>A ballot signed by this device over exactly the content the server will rebuild.</summary>
    public BallotSubmission Ballot(string meetingId, string pollId, params string[] choices) => Sign(meetingId, pollId, choices, _key);

    /// <summary>A ballot whose signature comes from some other key (a forgery).</summary>
    public BallotSubmission Forged(string meetingId, string pollId, params string[] choices)
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Sign(meetingId, pollId, choices, other);
    }

    /// <summary>This device's signature over any bytes (the signed attributes of a report's signature), base64 r‖s as WebCrypto gives it.</summary>
    public string SignBase64(byte[] bytes) =>
        Convert.ToBase64String(_key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    private BallotSubmission Sign(string meetingId, string pollId, string[] choices, ECDsa key)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var castAt = DateTimeOffset.UtcNow;
        var content = new BallotContent(meetingId, pollId, Actor.UserName, [.. choices], nonce, castAt);
        var signature = key.SignData(content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new BallotSubmission(meetingId, pollId, DeviceId, [.. choices], nonce, castAt, Convert.ToBase64String(signature));
    }

    public void Dispose() => _key.Dispose();
}
