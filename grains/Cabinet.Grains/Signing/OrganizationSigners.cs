using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Hosting;
using Cabinet.Storage;
using Cabinet.Voting.Signing;

namespace Cabinet.Signing;

/// <summary>
/// The certificates that sign on an organisation's behalf (poll results, minutes, archive seals), and the CA that
/// certifies people's device keys. Production: the installation's organisation certificate from configuration, as a
/// PKCS#12 file or a key in a PKCS#11 token (Cabinet:Signing:Pkcs11), and the organisation's issuing CA
/// (Cabinet:Signing:IssuingCaPath), which must chain to the seal's trust anchor; production never makes a CA itself.
/// Development only: a local test root CA kept in the data folder under a random password of its own, which issues
/// one certificate per organisation on first use and certifies device keys.
/// </summary>
public sealed class OrganizationSigners : IDisposable
{
    private const string PasswordFileName = "password";

    private readonly ConcurrentDictionary<string, SigningIdentity> _identities = new(StringComparer.Ordinal);
    // Certifies device keys: the development root, or the configured issuing CA.
    private readonly CertificateAuthority? _authority;
    private readonly IDocumentSigner? _configured;
    private readonly X509Certificate2? _configuredAnchor;
    private readonly string _folder;
    private readonly string? _developmentPassword;

    public OrganizationSigners(CabinetSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = PkiFolder(options);
        if (Configured(options) is { } configured)
        {
            _configured = configured.Signer;
            _configuredAnchor = configured.Anchor;
            if (options.Signing.IssuingCaPath is { Length: > 0 } issuing)
            {
                _authority = CertificateAuthority.FromPkcs12File(issuing, options.Signing.IssuingCaPassword, Path.Combine(_folder, "issuing"), options.PublicBaseUrl);
                RequireChainToAnchor(_authority, _configuredAnchor);
            }
        }
        else if (options.AllowDevelopmentAuthority)
        {
            PrivateFiles.Folder(_folder);
            _developmentPassword = DevelopmentPassword(_folder);
            _authority = CertificateAuthority.LoadOrCreate(_folder, _developmentPassword, options.PublicBaseUrl);
        }
        else
        {
            throw new InvalidOperationException(
                "No signing certificate is configured (Cabinet:SigningCertificatePath or Cabinet:Signing:Pkcs11) and a development CA is not allowed outside Development.");
        }
    }

    /// <summary>The certificate verifiers should trust: the top of the configured chain, or the development root.</summary>
    public string TrustAnchorPem => _configuredAnchor?.ExportCertificatePem() ?? _authority!.RootPem;

    /// <summary>
    /// What a device signature carries besides its own certificate so a verifier reaches the trust anchor: the issuing
    /// CA and the certificates above it, the anchor included. Empty when no CA certifies device keys.
    /// </summary>
    public IReadOnlyList<X509Certificate2> DeviceChain
    {
        get
        {
            if (_authority is null)
            {
                return [];
            }

            var chain = _authority.Chain.ToList();
            if (_configuredAnchor is not null && !chain.Any(c => c.RawData.AsSpan().SequenceEqual(_configuredAnchor.RawData)))
            {
                chain.Add(X509CertificateLoader.LoadCertificate(_configuredAnchor.RawData));
            }

            return chain;
        }
    }

    /// <summary>
    /// The trust anchor of an installation without creating anything: the configured certificate's chain top, or an
    /// existing development root. Null when the installation has neither (the verifier must then be given a root).
    /// </summary>
    public static string? ExistingTrustAnchorPem(CabinetSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Configured(options) is { } configured)
        {
            using (configured.Signer as IDisposable)
            {
                return configured.Anchor.ExportCertificatePem();
            }
        }

        var pem = CertificateAuthority.PemPath(PkiFolder(options));
        return options.AllowDevelopmentAuthority && File.Exists(pem) ? File.ReadAllText(pem) : null;
    }

    public IDocumentSigner For(string organizationId, string organizationName) =>
        _configured ?? _identities.GetOrAdd(organizationId, id => LoadOrIssue($"org-{id}", () => _authority!.IssueOrganisation(organizationName, organizationId: id)));

    /// <summary>
    /// Certifies a person's device key (its SubjectPublicKeyInfo; the private key stays on the device) with the
    /// issuing CA. Throws <see cref="ArgumentException"/> for a key that is not EC P-256/P-384 or RSA ≥ 2048.
    /// </summary>
    public X509Certificate2 CertifyDeviceKey(string userName, string displayName, string organizationName, byte[] spki) =>
        Authority.CertifyDeviceKey(userName, displayName, organizationName, spki);

    /// <summary>Revokes a certificate the issuing CA made (a device key withdrawn); the published CRL lists it from now on.</summary>
    public void Revoke(X509Certificate2 certificate) => Authority.Revoke(certificate);

    /// <summary>The issuing CA's current CRL when <paramref name="name"/> is its name, else null.</summary>
    public byte[]? Crl(string name) => _authority is not null && string.Equals(name, _authority.CrlName, StringComparison.Ordinal) ? _authority.Crl() : null;

    /// <summary>The issuing CA's current CRL when it issued <paramref name="certificate"/>, else null.</summary>
    public byte[]? CrlCovering(X509Certificate2 certificate) =>
        _authority is not null && _authority.Issued(certificate) ? _authority.Crl() : null;

    private CertificateAuthority Authority => _authority
        ?? throw new InvalidOperationException("No issuing CA is configured: device keys cannot be certified.");

    private SigningIdentity LoadOrIssue(string fileName, Func<SigningIdentity> issue)
    {
        var file = Path.Combine(_folder, $"{fileName}.p12");
        if (File.Exists(file))
        {
            return SigningIdentity.FromPkcs12File(file, _developmentPassword);
        }

        var identity = issue();
        PrivateFiles.Write(file, identity.ExportPkcs12(_developmentPassword!));
        return identity;
    }

    /// <summary>The configured seal: a PKCS#11 token when one is set, else a PKCS#12 file; with the top of its chain.</summary>
    private static (IDocumentSigner Signer, X509Certificate2 Anchor)? Configured(CabinetSiloOptions options)
    {
        if (options.Signing.Pkcs11 is { IsConfigured: true } token)
        {
            var signer = Pkcs11Signer.Open(token.Library!, token.TokenLabel ?? "", token.Pin ?? "", token.KeyLabel ?? "");
            return (signer, SigningIdentity.TopOf(signer.Certificate, signer.Chain));
        }

        if (options.SigningCertificatePath is { Length: > 0 } path)
        {
            var identity = SigningIdentity.FromPkcs12File(path, options.SigningCertificatePassword);
            return (identity, SigningIdentity.TopOf(identity.Certificate, identity.Chain));
        }

        return null;
    }

    /// <summary>
    /// Refuses an issuing CA that does not chain to the anchor verifiers pin: its certificates would sign in the
    /// organisation's name yet be judged untrusted, or trusted only by a root Cabinet made itself.
    /// </summary>
    private static void RequireChainToAnchor(CertificateAuthority authority, X509Certificate2 anchor)
    {
        if (!authority.ChainsTo(anchor, out var why))
        {
            throw new InvalidOperationException(
                $"Cabinet:Signing:IssuingCaPath does not chain to the trust anchor of the organisation's certificate ({anchor.Subject}): {why}");
        }
    }

    private static string PkiFolder(CabinetSiloOptions options) => Path.Combine(options.DataPath, "pki");

    /// <summary>
    /// The development CA's password: random, made once per data folder and kept beside it (0600). A folder from an
    /// earlier version (keys under the old built-in password) starts a new development CA: its keys were never secret.
    /// </summary>
    private static string DevelopmentPassword(string folder)
    {
        var file = Path.Combine(folder, PasswordFileName);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        foreach (var stale in Directory.EnumerateFiles(folder, "*.p12"))
        {
            File.Delete(stale);
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        PrivateFiles.Write(file, System.Text.Encoding.ASCII.GetBytes(password));
        return password;
    }

    public void Dispose()
    {
        foreach (var identity in _identities.Values)
        {
            identity.Dispose();
        }

        (_configured as IDisposable)?.Dispose();
        _authority?.Dispose();
    }
}
