using System.Collections.Immutable;

namespace Cabinet.Polls;

/// <summary>
/// A ballot as a client sends it. The voter is the signed-in caller; the signature (WebCrypto ECDSA P-256,
/// IEEE P1363 r‖s, base64) covers the canonical ballot content built from these fields and the voter's user name,
/// made with the device key <see cref="DeviceId"/> registered to that user.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.ballot-submission")]
public sealed record BallotSubmission(
    string MeetingId,
    string PollId,
    string DeviceId,
    ImmutableArray<string> Choices,
    string Nonce,
    DateTimeOffset CastAt,
    string Signature);
