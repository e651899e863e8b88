using System.Security.Cryptography;

namespace Cabinet.Documents;

/// <summary>The content hash that names a document file: 64 lowercase hex digits of SHA-256.</summary>
public static class BlobHash
{
    public static bool IsValid(string? sha256) =>
        sha256 is { Length: 64 } && sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string Require(string sha256) =>
        IsValid(sha256) ? sha256 : throw new ArgumentException("Not a lowercase hex SHA-256.", nameof(sha256));
}
