using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// A CA that issues document-signing certificates for people, organisations and people's device keys, and publishes
/// the CRL that revokes them. Two kinds: a local root made for development installs and tests
/// (<see cref="Create"/>, <see cref="LoadOrCreate"/>), and in production the organisation's issuing CA from a PKCS#12
/// file (<see cref="FromPkcs12File"/>), a subordinate of the root verifiers trust, which Cabinet never makes itself.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    /// <summary>id-kp-documentSigning (RFC 9336), what a document signer's certificate should name.</summary>
    public const string DocumentSigningOid = "1.3.6.1.5.5.7.3.36";

    /// <summary>Microsoft's document-signing purpose, which older readers look for.</summary>
    public const string MicrosoftDocumentSigningOid = "1.3.6.1.4.1.311.10.3.12";

    /// <summary>NSS (pdfsig, Firefox) checks a signer against the e-mail signer usage, which needs this purpose.</summary>
    public const string EmailProtectionOid = "1.3.6.1.5.5.7.3.4";

    public const string OrganizationIdentifierOid = "2.5.4.97";
    public const string UserIdOid = "0.9.2342.19200300.100.1.1";
    private const int RootKeySize = 3072;

    // Signers get RSA 2048, the floor Vietnam's rules accept: key generation is several times faster, which matters
    // when a development install issues a certificate on the first close of a meeting.
    private const int SignerKeySize = 2048;
    private const string Pkcs12FileName = "cabinet-dev-ca.p12";
    private const string PemFileName = "cabinet-dev-ca.pem";

    // The issuing certificate with its key: the root itself in development, an intermediate in production.
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2[] _above;

    private CertificateAuthority(X509Certificate2 root, RevocationList revocations, X509Certificate2[]? above = null)
    {
        _root = root;
        _above = above ?? [];
        Revocations = revocations;
    }

    /// <summary>A new copy of the issuing certificate, public part only: in development the root verifiers trust.</summary>
    public X509Certificate2 RootCertificate => X509CertificateLoader.LoadCertificate(_root.RawData);

    public string RootPem => _root.ExportCertificatePem();

    /// <summary>The certificates from the issuing CA up its chain (public parts): what a signature carries so a verifier reaches the root.</summary>
    public IReadOnlyList<X509Certificate2> Chain => [RootCertificate, .. _above.Select(c => X509CertificateLoader.LoadCertificate(c.RawData))];

    /// <summary>
    /// Where relying parties fetch this CA's CRL, e.g. "https://hop.tinh.gov.vn" (the issued certificates name
    /// <c>{base}/pki/crl/{CrlName}.crl</c>). Null issues certificates without a distribution point.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The file name of this CA's CRL: its key identifier in hex, stable across restarts.</summary>
    public string CrlName => RevocationList.NameOf(_root);

    /// <summary>The certificates this CA revoked, and the CRL that says so.</summary>
    public RevocationList Revocations { get; }

    public static CertificateAuthority Create(string name = "Cabinet Development Root CA")
    {
        using var key = RSA.Create(RootKeySize);
        var request = new CertificateRequest(Subject(name, name), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var root = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return new CertificateAuthority(root, new RevocationList(root, null));
    }

    /// <summary>Keeps the same CA across restarts: loads it from <paramref name="folder"/>, or creates and saves one there.</summary>
    public static CertificateAuthority LoadOrCreate(string folder, string password, string? publicBaseUrl = null)
    {
        if (File.Exists(Path.Combine(folder, Pkcs12FileName)))
        {
            return Load(folder, password, publicBaseUrl);
        }

        var created = Create();
        var authority = new CertificateAuthority(created._root, new RevocationList(created._root, folder)) { PublicBaseUrl = publicBaseUrl };
        authority.Save(folder, password);
        return authority;
    }

    /// <summary>
    /// The organisation's issuing CA in production: the PKCS#12 holds one CA certificate with its key (RSA ≥ 2048 or
    /// EC ≥ 256) and, optionally, the certificates above it. Revocations are kept in <paramref name="revocationFolder"/>
    /// (null: only checking the file, nothing kept).
    /// </summary>
    public static CertificateAuthority FromPkcs12File(string path, string? password, string? revocationFolder, string? publicBaseUrl = null)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.Exportable);
        var issuers = all.Where(c => c.HasPrivateKey && SigningIdentity.IsCertificateAuthority(c)).ToList();
        if (issuers.Count != 1)
        {
            foreach (var c in all)
            {
                c.Dispose();
            }

            throw new CryptographicException($"{Path.GetFileName(path)} must hold exactly one CA certificate with its private key (it holds {issuers.Count}).");
        }

        var issuer = issuers[0];
        var strong = issuer.GetRSAPublicKey() is { KeySize: >= 2048 } || issuer.GetECDsaPublicKey() is { KeySize: >= 256 };
        var usage = issuer.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;
        if (!strong || (usage is { } u && !u.HasFlag(X509KeyUsageFlags.KeyCertSign)))
        {
            throw new CryptographicException($"{Path.GetFileName(path)}: the issuing CA needs an RSA ≥ 2048 or EC ≥ 256 key and the keyCertSign usage.");
        }

        if (revocationFolder is not null)
        {
            Directory.CreateDirectory(revocationFolder);
        }

        return new CertificateAuthority(issuer, new RevocationList(issuer, revocationFolder), [.. all.Where(c => !ReferenceEquals(c, issuer))])
        {
            PublicBaseUrl = publicBaseUrl,
        };
    }

    /// <summary>Whether this CA's chain reaches <paramref name="anchor"/> (names, signatures, validity, CA constraints); why not when it does not.</summary>
    public bool ChainsTo(X509Certificate2 anchor, out string why)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        var path = Chain;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.ExtraStore.AddRange(path.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var chained = chain.Build(path[0]);
        why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
        foreach (var certificate in path)
        {
            certificate.Dispose();
        }

        return chained;
    }

    /// <summary>
    /// A subordinate CA under this one (pathlen 0), with its key: what a province's CA hands an organisation to certify
    /// its people's device keys. For tests and for setting up a trial installation.
    /// </summary>
    public SigningIdentity IssueSubordinate(string name, int years = 5)
    {
        using var key = RSA.Create(SignerKeySize);
        var request = new CertificateRequest(Subject(name, name), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_root, true, false));
        using var issued = Sign(request, years);
        return new SigningIdentity(issued.CopyWithPrivateKey(key), Chain);
    }

    public static CertificateAuthority Load(string folder, string password, string? publicBaseUrl = null)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, Pkcs12FileName));
        var root = X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.Exportable);
        if (!root.HasPrivateKey || !SigningIdentity.IsCertificateAuthority(root))
        {
            throw new CryptographicException($"{Pkcs12FileName} does not hold a CA certificate with its key.");
        }

        return new CertificateAuthority(root, new RevocationList(root, folder)) { PublicBaseUrl = publicBaseUrl };
    }

    /// <summary>
    /// Writes the CA (with key) as PKCS#12, readable by this account only (0600), and its certificate as PEM, for
    /// openssl, certutil and browsers.
    /// </summary>
    public void Save(string folder, string password)
    {
        Directory.CreateDirectory(folder);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(Path.Combine(folder, Pkcs12FileName), options))
        {
            file.Write(_root.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        }

        File.WriteAllText(Path.Combine(folder, PemFileName), RootPem);
    }

    public static string PemPath(string folder) => Path.Combine(folder, PemFileName);

    /// <summary>A personal signing certificate: CN = the person, UID = their user name, O = their organisation.</summary>
    public SigningIdentity IssuePerson(string fullName, string organisation, string? email = null, int years = 3, string? userName = null)
    {
        using var key = RSA.Create(SignerKeySize);
        var request = new CertificateRequest(PersonSubject(fullName, userName, organisation), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Identity(Issue(request, email, years), key);
    }

    /// <summary>
    /// Certifies a key that never leaves a person's device (a WebCrypto P-256 key, sent as its SubjectPublicKeyInfo):
    /// the same personal certificate as <see cref="IssuePerson"/>, without a private key here.
    /// </summary>
    public X509Certificate2 CertifyDeviceKey(string userName, string displayName, string organisation, byte[] spki, int years = 3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(spki);
        var publicKey = DeviceKey(spki);
        var request = new CertificateRequest(PersonSubject(displayName, userName, organisation), publicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Issue(request, null, years);
    }

    /// <summary>
    /// The organisation's own certificate, used for its seal signature and for signing results and archives;
    /// organizationIdentifier = "CABINET:{organizationId}" when the id is known.
    /// </summary>
    public SigningIdentity IssueOrganisation(string organisation, string? email = null, int years = 3, string? organizationId = null)
    {
        using var key = RSA.Create(SignerKeySize);
        var subject = new X500DistinguishedNameBuilder(); // encodes in reverse order of the calls: C, O, organizationIdentifier, CN
        subject.AddCommonName(organisation);
        if (organizationId is not null)
        {
            subject.Add(OrganizationIdentifierOid, $"CABINET:{organizationId}", UniversalTagNumber.UTF8String);
        }

        subject.AddOrganizationName(organisation);
        subject.AddCountryOrRegion("VN");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Identity(Issue(request, email, years), key);
    }

    /// <summary>Revokes a certificate this CA issued (a lost device, a person who left); the next CRL lists it.</summary>
    public void Revoke(X509Certificate2 certificate, DateTimeOffset? when = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (Issued(certificate))
        {
            Revocations.Revoke(certificate.SerialNumberBytes.Span, when ?? DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Whether this CA is <paramref name="certificate"/>'s issuer (by name: a CA's names are unique).</summary>
    public bool Issued(X509Certificate2 certificate) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(_root.SubjectName.RawData);

    /// <summary>The current CRL (DER), signed by this CA.</summary>
    public byte[] Crl() => Revocations.Current();

    private X509Certificate2 Issue(CertificateRequest request, string? email, int years)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(DocumentSigningOid), new Oid(MicrosoftDocumentSigningOid), new Oid(EmailProtectionOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_root, true, false));
        if (PublicBaseUrl is { Length: > 0 } baseUrl)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(
                [RevocationList.Url(baseUrl, CrlName)], false));
        }

        if (email is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddEmailAddress(email);
            request.CertificateExtensions.Add(names.Build());
        }

        return Sign(request, years);
    }

    /// <summary>
    /// Signs <paramref name="request"/> with the issuing key, a random positive serial, valid from a day back (clock
    /// skew), for <paramref name="years"/> but never past the CA's own end. The generator form, because a device's EC
    /// key may be certified by an RSA CA and an RSA key by an EC one.
    /// </summary>
    private X509Certificate2 Sign(CertificateRequest request, int years)
    {
        var now = DateTimeOffset.UtcNow;
        var notAfter = now.AddYears(years) < _root.NotAfter ? now.AddYears(years) : new DateTimeOffset(_root.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40); // positive, and no leading zero byte to strip
        using var rsa = _root.GetRSAPrivateKey();
        using var ec = rsa is null ? _root.GetECDsaPrivateKey() : null;
        var generator = rsa is not null ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa(ec!);
        return request.Create(_root.SubjectName, generator, now.AddDays(-1), notAfter, serial);
    }

    private SigningIdentity Identity(X509Certificate2 issued, RSA key)
    {
        using (issued)
        {
            return new SigningIdentity(issued.CopyWithPrivateKey(key), Chain);
        }
    }

    /// <summary>Only keys a signature may rely on: EC P-256/384 or RSA of 2048 bits or more.</summary>
    private static PublicKey DeviceKey(byte[] spki)
    {
        PublicKey key;
        try
        {
            key = PublicKey.CreateFromSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length)
            {
                throw new ArgumentException("The device key has trailing bytes.", nameof(spki));
            }
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The device key is not a SubjectPublicKeyInfo.", nameof(spki), e);
        }

        using var ec = key.GetECDsaPublicKey();
        using var rsa = key.GetRSAPublicKey();
        var acceptable = ec is not null ? ec.KeySize is 256 or 384 : rsa is not null && rsa.KeySize >= 2048;
        return acceptable ? key : throw new ArgumentException("The device key must be EC P-256/P-384 or RSA of at least 2048 bits.", nameof(spki));
    }

    private static X500DistinguishedName PersonSubject(string commonName, string? userName, string organisation)
    {
        // The builder encodes in reverse order of the calls: this yields the usual C, O, UID, CN encoding.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        if (userName is not null)
        {
            builder.Add(UserIdOid, userName, UniversalTagNumber.UTF8String);
        }

        builder.AddOrganizationName(organisation);
        builder.AddCountryOrRegion("VN");
        return builder.Build();
    }

    private static X500DistinguishedName Subject(string commonName, string organisation) => PersonSubject(commonName, null, organisation);

    public void Dispose()
    {
        _root.Dispose();
        foreach (var certificate in _above)
        {
            certificate.Dispose();
        }
    }
}
