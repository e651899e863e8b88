using System.Security.Cryptography;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Bench;

/// <summary>
/// A simulated delegate: account, bearer token and ballot-signing device key (registered once per run and kept
/// across the series, as a tablet keeps its key). Signs exactly as <c>BallotSigner</c> and the browser do.
/// </summary>
public sealed class BenchAccount(string userName, string displayName, string position) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string UserName { get; } = userName;

    public string DisplayName { get; } = displayName;

    public string Position { get; } = position;

    public string? Token { get; set; }

    public string? DeviceId { get; set; }

    public string PublicKeySpki => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    public BallotSubmission Sign(string meetingId, string pollId, string choice)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var castAt = DateTimeOffset.UtcNow;
        var content = new BallotContent(meetingId, pollId, UserName, [choice], nonce, castAt);
        var signature = _key.SignData(content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new BallotSubmission(meetingId, pollId, DeviceId ?? "", [choice], nonce, castAt, Convert.ToBase64String(signature));
    }

    public void Dispose() => _key.Dispose();
}
