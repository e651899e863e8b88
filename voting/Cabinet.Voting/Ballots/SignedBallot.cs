using System.Security.Cryptography;

namespace Cabinet.Voting.Ballots;

/// <summary>A ballot as it arrives: the content and the voter's P1363 (r‖s) signature over its signing bytes.</summary>
public sealed record SignedBallot(BallotContent Content, byte[] Signature)
{
    /// <summary>
    /// <c>SHA-256(ToSigningBytes() ‖ Signature)</c> as lower-case hex. It covers the voter, poll, choices and nonce
    /// even in a secret poll, so a voter who kept their ballot and signature can show their receipt is theirs;
    /// the chain stores only this hash, from which the voter cannot be recovered without the nonce.
    /// </summary>
    public string ComputeHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Content.ToSigningBytes());
        sha.AppendData(Signature ?? []);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
