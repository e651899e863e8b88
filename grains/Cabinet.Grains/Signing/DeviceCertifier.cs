using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Hosting;

namespace Cabinet.Signing;

/// <summary>
/// Certifies a person's device key (WebCrypto P-256, public part only) with the organisation's issuing CA, so the
/// device can sign the minutes in the person's name. The server never makes or holds a person's private key.
/// </summary>
public sealed class DeviceCertifier(OrganizationSigners signers, CabinetSiloOptions options)
{
    /// <summary>The certificate for <paramref name="spki"/>, or null when this installation has no issuing CA for people.</summary>
    public X509Certificate2? Certify(string userName, string displayName, string organizationName, byte[] spki)
    {
        // Interim, until OrganizationSigners.CertifyDeviceKey: the development CA issues; nothing else does.
        var folder = Path.Combine(options.DataPath, "pki");
        if (!options.AllowDevelopmentAuthority || options.SigningCertificatePath is { Length: > 0 } || !File.Exists(Path.Combine(folder, "password")))
        {
            return null;
        }

        _ = signers.TrustAnchorPem;
        using var root = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(folder, "cabinet-dev-ca.p12"), File.ReadAllText(Path.Combine(folder, "password")).Trim());
        using var rootKey = root.GetRSAPrivateKey()!;
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(displayName);
        subject.AddOrganizationName(organizationName);
        subject.AddCountryOrRegion("VN");
        var request = new CertificateRequest(subject.Build(), PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _), HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(Voting.Signing.DevelopmentCertificateAuthority.DocumentSigningOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        var now = DateTimeOffset.UtcNow;
        return request.Create(root.SubjectName, X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1), now.AddDays(-1), now.AddYears(3), serial);
    }

    /// <summary>The certificates a verifier needs between a device certificate and the trust anchor (the anchor included).</summary>
    public IReadOnlyList<X509Certificate2> Chain => [X509Certificate2.CreateFromPem(signers.TrustAnchorPem)];
}
