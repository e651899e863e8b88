using System.Security.Cryptography;

namespace Cabinet.Voting.Chains;

/// <summary>
/// A SHA-256 hash chain: <c>hash(n) = SHA-256(hash(n-1) ‖ entry(n))</c>, starting from 32 zero bytes.
/// Used for the meeting ledger and for each poll's ballot chain; removing, reordering or altering any
/// entry changes every later hash and the head.
/// </summary>
public static class HashChain
{
    public const int HashLength = 32;

    public static string Genesis { get; } = Convert.ToHexStringLower(new byte[HashLength]);

    public static string Link(string previousHashHex, ReadOnlySpan<byte> canonicalEntry)
    {
        Span<byte> buffer = stackalloc byte[HashLength];
        if (!Convert.FromHexString(previousHashHex, buffer, out _, out var written).Equals(System.Buffers.OperationStatus.Done)
            || written != HashLength)
        {
            throw new ArgumentException("The previous hash must be 64 hex characters.", nameof(previousHashHex));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(buffer);
        sha.AppendData(canonicalEntry);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
