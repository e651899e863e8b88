namespace Cabinet.Encryption;

/// <summary>
/// The key-encryption key (KEK): it only wraps and unwraps the data keys, which are stored wrapped. The data key's id is
/// the associated data, so a wrapped key moved under another id does not unwrap.
/// </summary>
public interface IKeyEncryptionKey : IDisposable
{
    /// <summary>Where the key is, for messages ("key file /etc/cabinet/kek", "PKCS#11 key 'cabinet-kek'").</summary>
    string Description { get; }

    byte[] Wrap(string dataKeyId, byte[] dataKey);

    /// <exception cref="System.Security.Cryptography.CryptographicException">Not wrapped by this key (or altered).</exception>
    byte[] Unwrap(string dataKeyId, byte[] wrapped);
}
