using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Cabinet.Voting.Signing;

/// <summary>
/// Signs with a key that stays in a PKCS#11 token or HSM (RSA PKCS#1 v1.5 or ECDSA, SHA-256): the CMS is built here
/// around the token's raw signature. The certificate is read from the token (the object labelled like the key); any
/// other certificates there are taken as its chain. One logged-in session, used by one signature at a time.
/// </summary>
public sealed class Pkcs11Signer : IDocumentSigner, IDisposable
{
    private static readonly byte[] _sha256DigestInfo = Convert.FromHexString("3031300d060960864801650304020105000420");
    private readonly Lock _lock = new();
    private readonly IPkcs11Library _library;
    private readonly ISession _session;
    private readonly IObjectHandle _key;
    private readonly AsymmetricAlgorithm _tokenKey;

    private Pkcs11Signer(IPkcs11Library library, ISession session, IObjectHandle key, X509Certificate2 certificate, List<X509Certificate2> chain, bool isRsa)
    {
        _library = library;
        _session = session;
        _key = key;
        Certificate = certificate;
        Chain = chain;
        // RSA: CKM_RSA_PKCS pads and signs what it is given, so it gets the DER DigestInfo (RFC 8017 §9.2 note 1).
        // ECDSA: CKM_ECDSA returns r‖s, the form .NET expects.
        _tokenKey = DelegatedKeys.For(certificate, isRsa
            ? hash => SignOnToken(CKM.CKM_RSA_PKCS, [.. _sha256DigestInfo, .. hash])
            : hash => SignOnToken(CKM.CKM_ECDSA, hash));
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary>Opens the token labelled <paramref name="tokenLabel"/> and finds the key and certificate labelled <paramref name="keyLabel"/>.</summary>
    public static Pkcs11Signer Open(string library, string tokenLabel, string pin, string keyLabel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyLabel);
        var factories = new Pkcs11InteropFactories();
        var (loaded, session) = Pkcs11Tokens.Open(library, tokenLabel, pin);
        try
        {
            var attributes = factories.ObjectAttributeFactory;
            var key = session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), attributes.Create(CKA.CKA_LABEL, keyLabel)])
                .SingleOrDefault() ?? throw new CryptographicException($"The token holds no private key labelled '{keyLabel}'.");
            var keyType = (CKK)session.GetAttributeValue(key, [CKA.CKA_KEY_TYPE])[0].GetValueAsUlong();
            var certificates = session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE)])
                .Select(handle => (Label: session.GetAttributeValue(handle, [CKA.CKA_LABEL])[0].GetValueAsString(),
                    Certificate: X509CertificateLoader.LoadCertificate(session.GetAttributeValue(handle, [CKA.CKA_VALUE])[0].GetValueAsByteArray())))
                .ToList();
            var certificate = certificates.FirstOrDefault(c => c.Label == keyLabel).Certificate
                ?? throw new CryptographicException($"The token holds no certificate labelled '{keyLabel}'.");
            var isRsa = keyType switch
            {
                CKK.CKK_RSA => true,
                CKK.CKK_EC => false,
                _ => throw new CryptographicException($"The token's key is {keyType}; only RSA and EC keys sign."),
            };
            return new Pkcs11Signer(loaded, session, key, certificate, [.. certificates.Where(c => c.Label != keyLabel).Select(c => c.Certificate)], isRsa);
        }
        catch
        {
            Pkcs11Tokens.Close(loaded, session);
            throw;
        }
    }

    public Task<byte[]> SignAsync(ReadOnlyMemory<byte> content, CmsProfile profile, CancellationToken cancellationToken = default) =>
        Task.FromResult(CmsDetachedSignature.Sign(content.Span, Certificate, _tokenKey, Chain, profile, DateTimeOffset.UtcNow));

    /// <summary>The token's raw signature over a prepared input (a DigestInfo for RSA, the bare hash for ECDSA).</summary>
    private byte[] SignOnToken(CKM mechanism, byte[] input)
    {
        lock (_lock)
        {
            return _session.Sign(new Pkcs11InteropFactories().MechanismFactory.Create(mechanism), _key, input);
        }
    }

    public void Dispose()
    {
        _tokenKey.Dispose();
        Pkcs11Tokens.Close(_library, _session);
        Certificate.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }
}
