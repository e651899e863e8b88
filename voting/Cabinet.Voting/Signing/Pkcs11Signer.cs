using System.Runtime.InteropServices;
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
    private static readonly Lock _resolverLock = new();
    private static readonly Dictionary<string, (IPkcs11Library Library, int Users)> _libraries = new(StringComparer.Ordinal);
    private static bool _resolverSet;
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

    /// <summary>
    /// Pkcs11Interop 5.3 asks for "libdl", which glibc 2.34+ systems ship only as libdl.so.2 (the unversioned name
    /// comes with development packages): resolve it to the versioned one. Safe to call any number of times.
    /// </summary>
    public static void PrepareNativeLoading()
    {
        lock (_resolverLock)
        {
            if (_resolverSet)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, assembly, path) =>
                name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero);
            _resolverSet = true;
        }
    }

    /// <summary>Opens the token labelled <paramref name="tokenLabel"/> and finds the key and certificate labelled <paramref name="keyLabel"/>.</summary>
    public static Pkcs11Signer Open(string library, string tokenLabel, string pin, string keyLabel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(library);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenLabel);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyLabel);
        var factories = new Pkcs11InteropFactories();
        var loaded = Acquire(factories, library);
        ISession? session = null;
        try
        {
            var slot = loaded.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == tokenLabel)
                ?? throw new CryptographicException($"No PKCS#11 token labelled '{tokenLabel}' is present.");
            session = slot.OpenSession(SessionType.ReadOnly);
            try
            {
                session.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // login is per token and application: another signer on this token already logged in
            }
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
            session?.Dispose();
            Release(loaded);
            throw;
        }
    }

    /// <summary>
    /// A module is initialised once per process (C_Initialize/C_Finalize are process-wide), so signers on the same
    /// module share one loaded library, finalised when the last of them is disposed.
    /// </summary>
    private static IPkcs11Library Acquire(Pkcs11InteropFactories factories, string path)
    {
        PrepareNativeLoading();
        lock (_resolverLock)
        {
            if (!_libraries.TryGetValue(path, out var entry))
            {
                entry = (factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, path, AppType.MultiThreaded), 0);
            }

            _libraries[path] = (entry.Library, entry.Users + 1);
            return entry.Library;
        }
    }

    private static void Release(IPkcs11Library library)
    {
        lock (_resolverLock)
        {
            var (path, entry) = _libraries.First(l => ReferenceEquals(l.Value.Library, library));
            if (entry.Users > 1)
            {
                _libraries[path] = (library, entry.Users - 1);
                return;
            }

            _libraries.Remove(path);
            library.Dispose();
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
        _session.Dispose();
        Release(_library);
        Certificate.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }
}
