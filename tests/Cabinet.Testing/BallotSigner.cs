using System.Security.Cryptography;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Testing;

/// <summary>
/// A hub client's ballot-signing device, as a mobile app or the load harness has it: an ECDSA P-256 key registered
/// through the hub, signing the canonical ballot content exactly as the browser does.
/// </summary>
public sealed class BallotSigner : IDisposable
{
    private readonly ECDsa _key;

    private BallotSigner(MeetingHubClient client, ECDsa key, string deviceId) => (Client, _key, DeviceId) = (client, key, deviceId);

    public MeetingHubClient Client { get; }

    public string DeviceId { get; }

    public static async Task<BallotSigner> RegisterAsync(MeetingHubClient client)
    {
        var (key, deviceId) = await RegisterKeyAsync(client, "Bộ kiểm thử");
        return new BallotSigner(client, key, deviceId);
    }

    /// <summary>A new P-256 key registered through the hub as the user's device: the key and its device id.</summary>
    public static async Task<(ECDsa Key, string DeviceId)> RegisterKeyAsync(MeetingHubClient client, string label)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var device = await client.Connection.InvokeAsync<Result<DeviceKey>>(nameof(MeetingHub.RegisterDevice), label, spki);
        if (device.Error?.Code == "device.limit")
        {
            // Tests sharing one server register many devices for the same demo people: retire the oldest, as a person
            // who replaced a tablet would, and register again.
            var devices = await client.Connection.InvokeAsync<DeviceKey[]>(nameof(MeetingHub.ListDevices));
            var oldest = devices.Where(d => d.IsActive).OrderBy(d => d.RegisteredAt).First();
            await client.Connection.InvokeAsync<CommandResult>(nameof(MeetingHub.RevokeDevice), oldest.DeviceId);
            device = await client.Connection.InvokeAsync<Result<DeviceKey>>(nameof(MeetingHub.RegisterDevice), label, spki);
        }

        return device.Ok ? (key, device.Value!.DeviceId) : throw new InvalidOperationException(device.Error!.Code);
    }

    public BallotSubmission Ballot(string meetingId, string pollId, params string[] choices)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var castAt = DateTimeOffset.UtcNow;
        var content = new BallotContent(meetingId, pollId, Client.UserName, [.. choices], nonce, castAt);
        var signature = _key.SignData(content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new BallotSubmission(meetingId, pollId, DeviceId, [.. choices], nonce, castAt, Convert.ToBase64String(signature));
    }

    public Task<Result<Receipt>> CastAsync(string meetingId, string pollId, params string[] choices) =>
        Client.Connection.InvokeAsync<Result<Receipt>>(nameof(MeetingHub.CastBallot), Ballot(meetingId, pollId, choices));

    public void Dispose() => _key.Dispose();
}
