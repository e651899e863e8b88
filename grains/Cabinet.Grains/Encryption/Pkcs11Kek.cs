using System.Security.Cryptography;
using System.Text;
using Cabinet.Voting.Signing;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Cabinet.Encryption;

/// <summary>
/// A KEK that never leaves a PKCS#11 token or HSM: an AES secret key there wraps the data keys with CKM_AES_GCM
/// (<c>nonce ‖ ciphertext ‖ tag</c>). One logged-in session, used by one operation at a time; only start-up and the
/// first record of a new organisation unwrap or wrap, so the token is never on the path of an ordinary write.
/// </summary>
public sealed class Pkcs11Kek : IKeyEncryptionKey
{
    private readonly Lock _lock = new();
    private readonly IPkcs11Library _library;
    private readonly ISession _session;
    private readonly IObjectHandle _key;

    private Pkcs11Kek(IPkcs11Library library, ISession session, IObjectHandle key, string description) =>
        (_library, _session, _key, Description) = (library, session, key, description);

    public string Description { get; }

    /// <exception cref="EncryptionKeyException">The token, the PIN or the key labelled <paramref name="keyLabel"/> is not there.</exception>
    public static Pkcs11Kek Open(string library, string tokenLabel, string pin, string keyLabel)
    {
        var description = $"the PKCS#11 key '{keyLabel}' in the token '{tokenLabel}' ({library})";
        try
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(keyLabel);
            var (loaded, session) = Pkcs11Tokens.Open(library, tokenLabel, pin);
            var attributes = new Pkcs11InteropFactories().ObjectAttributeFactory;
            var key = session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY), attributes.Create(CKA.CKA_LABEL, keyLabel)]).SingleOrDefault();
            if (key is null)
            {
                Pkcs11Tokens.Close(loaded, session);
                throw new EncryptionKeyException($"The key-encryption key is missing: the token '{tokenLabel}' holds no secret key labelled '{keyLabel}' (Cabinet:Encryption:Pkcs11:KeyLabel).");
            }

            return new Pkcs11Kek(loaded, session, key, description);
        }
        catch (Exception ex) when (ex is Pkcs11Exception or CryptographicException or ArgumentException or DllNotFoundException)
        {
            throw new EncryptionKeyException($"The key-encryption key, {description}, cannot be used: {ex.Message}", ex);
        }
    }

    public byte[] Wrap(string dataKeyId, byte[] dataKey)
    {
        var nonce = RandomNumberGenerator.GetBytes(Envelope.NonceSize);
        return [.. nonce, .. OnToken(nonce, dataKeyId, session => mechanism => session.Encrypt(mechanism, _key, dataKey))];
    }

    public byte[] Unwrap(string dataKeyId, byte[] wrapped)
    {
        if (wrapped.Length <= Envelope.NonceSize + Envelope.TagSize)
        {
            throw new CryptographicException("The wrapped key is cut short.");
        }

        try
        {
            return OnToken(wrapped[..Envelope.NonceSize], dataKeyId, session => mechanism => session.Decrypt(mechanism, _key, wrapped[Envelope.NonceSize..]));
        }
        catch (Pkcs11Exception ex)
        {
            throw new CryptographicException($"The token did not unwrap the key ({ex.RV}).", ex);
        }
    }

    private byte[] OnToken(byte[] nonce, string dataKeyId, Func<ISession, Func<IMechanism, byte[]>> operation)
    {
        var factories = new Pkcs11InteropFactories();
        using var parameters = factories.MechanismParamsFactory.CreateCkGcmParams(nonce, (ulong)nonce.Length * 8, Encoding.ASCII.GetBytes(dataKeyId), Envelope.TagSize * 8);
        var mechanism = factories.MechanismFactory.Create(CKM.CKM_AES_GCM, parameters);
        lock (_lock)
        {
            return operation(_session)(mechanism);
        }
    }

    public void Dispose() => Pkcs11Tokens.Close(_library, _session);
}
