using Cabinet.Voting.Ballots;

namespace Cabinet.Records.Archive;

/// <summary>
/// One line of a named poll's <c>ballot-evidence.jsonl</c>: the ballot exactly as the delegate's device signed it, the
/// signature (base64 of the 64-byte P1363 r‖s), and the device with its public key (base64 of the SPKI DER) the poll
/// checked it against. Anyone can re-check the signature and that <c>SHA-256(signing bytes ‖ signature)</c> is the
/// chain entry's ballot hash. A secret poll has no such file: the signed ballot names its voter.
/// </summary>
public sealed record BallotEvidence(long Position, BallotContent Ballot, string Signature, string DeviceId, string DevicePublicKey)
{
    public const string FileName = "ballot-evidence.jsonl";

    /// <summary>The file's bytes: one canonical JSON line per ballot, each ending in "\n".</summary>
    public static byte[] Lines(IEnumerable<BallotEvidence> ballots) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(ballots.Select(b => Voting.Canonical.CanonicalJson.SerializeToString(b) + "\n")));
}
