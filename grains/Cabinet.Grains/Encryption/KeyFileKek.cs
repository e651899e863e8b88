using System.Security.Cryptography;
using System.Text;
using Cabinet.Storage;

namespace Cabinet.Encryption;

/// <summary>A KEK of 32 random bytes in a file (owner-only); wraps with AES-256-GCM as <c>nonce ‖ tag ‖ wrapped key</c>.</summary>
public sealed class KeyFileKek : IKeyEncryptionKey
{
    public const int KeySize = 32;

    private readonly byte[] _key;

    private KeyFileKek(string path, byte[] key) => (Description, _key) = ($"the key file {path}", key);

    public string Description { get; }

    /// <summary>Reads the key file; with <paramref name="createIfMissing"/> (Development only) makes one first.</summary>
    /// <exception cref="EncryptionKeyException">Missing (and not to be made), unreadable, or not 32 bytes.</exception>
    public static KeyFileKek Open(string path, bool createIfMissing)
    {
        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new EncryptionKeyException($"The key-encryption key file {path} (Cabinet:Encryption:KeyFile) does not exist. "
                    + "Restore it from where it is kept, or point Cabinet:Encryption:KeyFile at it; Cabinet never makes one outside Development.");
            }

            PrivateFiles.Folder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            PrivateFiles.Write(path, RandomNumberGenerator.GetBytes(KeySize));
        }

        byte[] key;
        try
        {
            key = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EncryptionKeyException($"The key-encryption key file {path} cannot be read: {ex.Message}");
        }

        return key.Length == KeySize
            ? new KeyFileKek(path, key)
            : throw new EncryptionKeyException($"The key-encryption key file {path} holds {key.Length} bytes; it must hold exactly {KeySize} random bytes.");
    }

    /// <summary>Writes a new random key file (owner-only) for rotation; refuses to replace one.</summary>
    public static void Create(string path)
    {
        if (File.Exists(path))
        {
            throw new EncryptionKeyException($"{path} already exists; a new key-encryption key goes into a new file.");
        }

        PrivateFiles.Write(path, RandomNumberGenerator.GetBytes(KeySize));
    }

    public byte[] Wrap(string dataKeyId, byte[] dataKey)
    {
        var wrapped = new byte[Envelope.NonceSize + Envelope.TagSize + dataKey.Length];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, Envelope.NonceSize));
        using var aes = new AesGcm(_key, Envelope.TagSize);
        aes.Encrypt(wrapped.AsSpan(0, Envelope.NonceSize), dataKey, wrapped.AsSpan(Envelope.NonceSize + Envelope.TagSize),
            wrapped.AsSpan(Envelope.NonceSize, Envelope.TagSize), Encoding.ASCII.GetBytes(dataKeyId));
        return wrapped;
    }

    public byte[] Unwrap(string dataKeyId, byte[] wrapped)
    {
        if (wrapped.Length <= Envelope.NonceSize + Envelope.TagSize)
        {
            throw new CryptographicException("The wrapped key is cut short.");
        }

        var key = new byte[wrapped.Length - Envelope.NonceSize - Envelope.TagSize];
        using var aes = new AesGcm(_key, Envelope.TagSize);
        aes.Decrypt(wrapped.AsSpan(0, Envelope.NonceSize), wrapped.AsSpan(Envelope.NonceSize + Envelope.TagSize),
            wrapped.AsSpan(Envelope.NonceSize, Envelope.TagSize), key, Encoding.ASCII.GetBytes(dataKeyId));
        return key;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
