using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cabinet.Encryption;

/// <summary>
/// The stored form of an encrypted record (AES-256-GCM), version 1:
/// <c>magic(4) version(1) kindLength(1) kind nameLength(2) name keyIdLength(1) keyId nonce(12) tag(16) ciphertext</c>.
/// Everything before the nonce is the header and is the associated data, so the kind, the name and the key id cannot be
/// changed without the tag failing. The magic starts with 0x89 (like PNG's), which no JSON, PDF or ZIP starts with:
/// a record without it is plaintext from before encryption.
/// </summary>
public static class Envelope
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    private const byte Version = 1;
    private static ReadOnlySpan<byte> Magic => [0x89, (byte)'C', (byte)'B', (byte)'E'];

    public static bool IsSealed(ReadOnlySpan<byte> stored) => stored.Length > Magic.Length && stored.StartsWith(Magic);

    public static byte[] Seal(RecordName record, string keyId, byte[] key, ReadOnlySpan<byte> plaintext)
    {
        var header = Header(record, keyId);
        var sealedRecord = new byte[header.Length + NonceSize + TagSize + plaintext.Length];
        header.CopyTo(sealedRecord, 0);
        var nonce = sealedRecord.AsSpan(header.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedRecord.AsSpan(header.Length + NonceSize + TagSize), sealedRecord.AsSpan(header.Length + NonceSize, TagSize), header);
        return sealedRecord;
    }

    /// <summary>The record, kind, name and key id an envelope's header claims (checked only when it is opened).</summary>
    /// <exception cref="CryptographicException">Not an envelope of a version this build reads.</exception>
    public static (RecordName Record, string KeyId, int HeaderLength) Read(ReadOnlySpan<byte> stored)
    {
        if (!IsSealed(stored) || stored.Length < 6 || stored[4] != Version)
        {
            throw new CryptographicException("The record is not an envelope of a known version.");
        }

        var at = 5;
        var kind = Field(stored, ref at, stored[at++]);
        var nameLength = stored.Length >= at + 2 ? BinaryPrimitives.ReadUInt16BigEndian(stored[at..]) : throw Truncated();
        at += 2;
        var name = Field(stored, ref at, nameLength);
        var keyId = Field(stored, ref at, stored.Length > at ? stored[at++] : throw Truncated());
        return stored.Length < at + NonceSize + TagSize ? throw Truncated() : (new RecordName(kind, name), keyId, at);
    }

    /// <exception cref="CryptographicException">Tampered, truncated, or sealed under another key.</exception>
    public static byte[] Open(ReadOnlySpan<byte> stored, int headerLength, byte[] key)
    {
        var nonce = stored.Slice(headerLength, NonceSize);
        var tag = stored.Slice(headerLength + NonceSize, TagSize);
        var ciphertext = stored[(headerLength + NonceSize + TagSize)..];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, stored[..headerLength]);
        return plaintext;
    }

    /// <summary>
    /// Opens the envelope where it lies: the ciphertext inside <paramref name="stored"/> is overwritten by the plaintext,
    /// which is returned as that part of the array (no second copy of a large record).
    /// </summary>
    /// <exception cref="CryptographicException">Tampered, truncated, or sealed under another key.</exception>
    public static ArraySegment<byte> OpenInPlace(byte[] stored, int headerLength, byte[] key)
    {
        var start = headerLength + NonceSize + TagSize;
        var content = stored.AsSpan(start);
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(headerLength, NonceSize), content, stored.AsSpan(headerLength + NonceSize, TagSize), content, stored.AsSpan(0, headerLength));
        return new ArraySegment<byte>(stored, start, stored.Length - start);
    }

    private static byte[] Header(RecordName record, string keyId)
    {
        var (kind, name, id) = (Encoding.UTF8.GetBytes(record.Kind), Encoding.UTF8.GetBytes(record.Name), Encoding.ASCII.GetBytes(keyId));
        if (kind.Length > byte.MaxValue || name.Length > ushort.MaxValue || id.Length > byte.MaxValue)
        {
            throw new ArgumentException("A record's kind, name or key id is too long for an envelope.", nameof(record));
        }

        var header = new byte[Magic.Length + 1 + 1 + kind.Length + 2 + name.Length + 1 + id.Length];
        var span = header.AsSpan();
        Magic.CopyTo(span);
        span[4] = Version;
        span[5] = (byte)kind.Length;
        kind.CopyTo(span[6..]);
        var at = 6 + kind.Length;
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)name.Length);
        name.CopyTo(span[(at + 2)..]);
        at += 2 + name.Length;
        span[at] = (byte)id.Length;
        id.CopyTo(span[(at + 1)..]);
        return header;
    }

    private static string Field(ReadOnlySpan<byte> stored, ref int at, int length)
    {
        if (stored.Length < at + length)
        {
            throw Truncated();
        }

        var value = Encoding.UTF8.GetString(stored.Slice(at, length));
        at += length;
        return value;
    }

    private static CryptographicException Truncated() => new("The envelope is cut short.");
}
