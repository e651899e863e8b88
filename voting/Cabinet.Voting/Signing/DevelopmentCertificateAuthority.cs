using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// A local test root CA for development installs and tests: issues RSA document-signing certificates for people and
/// organisations. Never for production, where certificates chain to a licensed Vietnamese CA.
/// </summary>
public sealed class DevelopmentCertificateAuthority : IDisposable
{
    public const string DocumentSigningOid = "1.3.6.1.4.1.311.10.3.12";
    public const string EmailProtectionOid = "1.3.6.1.5.5.7.3.4";
    private const int RootKeySize = 3072;

    // Signers get RSA 2048, the floor Vietnam's rules accept: key generation is several times faster, which matters
    // when a development install issues a certificate on the first close of a meeting.
    private const int SignerKeySize = 2048;
    private const string Pkcs12FileName = "cabinet-dev-ca.p12";
    private const string PemFileName = "cabinet-dev-ca.pem";

    private readonly X509Certificate2 _root;

    private DevelopmentCertificateAuthority(X509Certificate2 root) => _root = root;

    /// <summary>A new copy of the root certificate, public part only: what verifiers trust.</summary>
    public X509Certificate2 RootCertificate => X509CertificateLoader.LoadCertificate(_root.RawData);

    public string RootPem => _root.ExportCertificatePem();

    public static DevelopmentCertificateAuthority Create(string name = "Cabinet Development Root CA")
    {
        using var key = RSA.Create(RootKeySize);
        var request = new CertificateRequest(Subject(name, name), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new DevelopmentCertificateAuthority(request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10)));
    }

    /// <summary>Keeps the same CA across restarts: loads it from <paramref name="folder"/>, or creates and saves one there.</summary>
    public static DevelopmentCertificateAuthority LoadOrCreate(string folder, string password)
    {
        if (File.Exists(Path.Combine(folder, Pkcs12FileName)))
        {
            return Load(folder, password);
        }

        var authority = Create();
        authority.Save(folder, password);
        return authority;
    }

    public static DevelopmentCertificateAuthority Load(string folder, string password)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, Pkcs12FileName));
        var root = X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.Exportable);
        if (!root.HasPrivateKey || !SigningIdentity.IsCertificateAuthority(root))
        {
            throw new CryptographicException($"{Pkcs12FileName} does not hold a CA certificate with its key.");
        }

        return new DevelopmentCertificateAuthority(root);
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

    /// <summary>A personal signing certificate: CN = the person, O = their organisation.</summary>
    public SigningIdentity IssuePerson(string fullName, string organisation, string? email = null, int years = 3) =>
        Issue(fullName, organisation, email, years);

    /// <summary>The organisation's own certificate, used for its seal signature and for signing results and archives.</summary>
    public SigningIdentity IssueOrganisation(string organisation, string? email = null, int years = 3) =>
        Issue(organisation, organisation, email, years);

    private SigningIdentity Issue(string commonName, string organisation, string? email, int years)
    {
        using var key = RSA.Create(SignerKeySize);
        var request = new CertificateRequest(Subject(commonName, organisation), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(DocumentSigningOid), new Oid(EmailProtectionOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_root, true, false));
        if (email is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddEmailAddress(email);
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        var notAfter = now.AddYears(years) < _root.NotAfter ? now.AddYears(years) : new DateTimeOffset(_root.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40); // positive, and no leading zero byte to strip
        using var issued = request.Create(_root, now.AddDays(-1), notAfter, serial);
        return new SigningIdentity(issued.CopyWithPrivateKey(key), [RootCertificate]);
    }

    private static X500DistinguishedName Subject(string commonName, string organisation)
    {
        // The builder encodes in reverse order of the calls: this yields the usual C, O, CN encoding.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName(organisation);
        builder.AddCountryOrRegion("VN");
        return builder.Build();
    }

    public void Dispose() => _root.Dispose();
}
