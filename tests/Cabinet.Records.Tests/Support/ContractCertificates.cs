using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Support;

/// <summary>
/// Certificates as the identity contract of issue 16 has them (the `sign` work issues them so): an organisation's seal
/// with organizationIdentifier "CABINET:&lt;id&gt;", a person's with a UID and no organisation identifier, both with
/// digitalSignature + nonRepudiation and EKU id-kp-documentSigning. Each authority is its own root.
/// </summary>
public sealed class ContractCertificates : IDisposable
{
    private const string DocumentSigning = "1.3.6.1.5.5.7.3.36";
    private readonly RSA _key = RSA.Create(2048);

    public ContractCertificates(string name = "Cabinet Contract Test Root")
    {
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}, C=VN"), _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(20));
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 RootCertificate => X509CertificateLoader.LoadCertificate(Root.RawData);

    public SigningIdentity Organisation(string name, string id, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue(name, name, b => b.Add("2.5.4.97", $"CABINET:{id}"), notBefore, notAfter);

    public SigningIdentity Person(string displayName, string userName, string organisation) =>
        Issue(displayName, organisation, b => b.Add("0.9.2342.19200300.100.1.1", userName));

    private SigningIdentity Issue(string commonName, string organisation, Action<X500DistinguishedNameBuilder> identify,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName(organisation);
        identify(subject);
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DocumentSigning)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        using var issued = request.Create(Root, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(3),
            RandomNumberGenerator.GetBytes(16));
        return new SigningIdentity(issued.CopyWithPrivateKey(key), [RootCertificate]);
    }

    public void Dispose()
    {
        Root.Dispose();
        _key.Dispose();
    }
}
