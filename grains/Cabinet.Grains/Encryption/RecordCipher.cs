using System.Security.Cryptography;

namespace Cabinet.Encryption;

/// <summary>
/// The one way Cabinet encrypts what it stores: every store seals a record before writing it and opens it after reading.
/// A record without the envelope's magic is plaintext from before encryption and is read as it is; the next write of it
/// is sealed. <see cref="Plain"/> (encryption switched off, Development only) writes plaintext.
/// </summary>
public sealed class RecordCipher(DataKeyRing? ring) : IDisposable
{
    public static RecordCipher Plain { get; } = new(null);

    public bool Encrypts => ring is not null;

    public DataKeyRing Ring => ring ?? throw new InvalidOperationException("Encryption at rest is switched off (Cabinet:Encryption:Enabled=false).");

    public byte[] Seal(RecordName record, ReadOnlySpan<byte> plaintext)
    {
        if (ring is null)
        {
            return plaintext.ToArray();
        }

        var (id, key) = ring.Newest(record.Scope);
        return Envelope.Seal(record, id, key, plaintext);
    }

    /// <summary>The record's plaintext: opened when sealed, as stored when from before encryption.</summary>
    /// <exception cref="CryptographicException">Sealed as another record, altered, or under a key that is not stored.</exception>
    public byte[] Open(RecordName record, byte[] stored)
    {
        if (!Envelope.IsSealed(stored))
        {
            return stored;
        }

        var (header, key) = KeyOf(record, stored);
        return Envelope.Open(stored, header, key);
    }

    /// <summary>
    /// <see cref="Open"/> for large records read only to be used at once: the plaintext is written over
    /// <paramref name="stored"/>'s ciphertext and returned as that part of the array (the whole array when plaintext).
    /// </summary>
    /// <exception cref="CryptographicException">Sealed as another record, altered, or under a key that is not stored.</exception>
    public ArraySegment<byte> OpenInPlace(RecordName record, byte[] stored)
    {
        if (!Envelope.IsSealed(stored))
        {
            return stored;
        }

        var (header, key) = KeyOf(record, stored);
        return Envelope.OpenInPlace(stored, header, key);
    }

    /// <summary>
    /// Rotation: a sealed record under an older data key, sealed again under the newest of its scope (the record its
    /// header names, checked by the tag); null when it is plaintext or already under the newest key.
    /// </summary>
    public byte[]? Reseal(ReadOnlySpan<byte> stored)
    {
        if (!Envelope.IsSealed(stored))
        {
            return null;
        }

        var (record, keyId, header) = Envelope.Read(stored);
        return keyId == Ring.Newest(record.Scope).Id ? null : Seal(record, Envelope.Open(stored, header, Ring.Key(keyId)));
    }

    /// <summary>The envelope's header length and the data key it was sealed under, once it is known to be <paramref name="record"/>'s.</summary>
    private (int HeaderLength, byte[] Key) KeyOf(RecordName record, byte[] stored)
    {
        var (claimed, keyId, header) = Envelope.Read(stored);
        return claimed == record
            ? (header, Ring.Key(keyId))
            : throw new CryptographicException($"The record stored as {record.Kind} '{record.Name}' was sealed as {claimed.Kind} '{claimed.Name}'.");
    }

    public void Dispose() => ring?.Dispose();
}
