using Cabinet.Voting.Ballots;

namespace Cabinet.Polls;

/// <summary>
/// An accepted ballot of a named poll kept as evidence for the archive: what the device signed, the signature (base64
/// P1363), and the device with its registered public key (base64 SPKI) the signature was checked against. A secret poll
/// keeps none: the signed ballot names its voter.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.ballot-evidence")]
public sealed record BallotEvidenceRecord(
    [property: Id(0)] long Position,
    [property: Id(1)] BallotContent Ballot,
    [property: Id(2)] string Signature,
    [property: Id(3)] string DeviceId,
    [property: Id(4)] string DevicePublicKey);
