using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>Detached CMS SignedData (SHA-256, RSA or ECDSA) over arbitrary bytes: poll results, manifests, PDF byte ranges.</summary>
public static class CmsDetachedSignature
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string DataContentTypeOid = "1.2.840.113549.1.7.1";

    public static byte[] Sign(ReadOnlySpan<byte> content, SigningIdentity identity, CmsProfile profile = CmsProfile.Cades) =>
        Sign(content, identity, profile, DateTimeOffset.UtcNow);

    public static byte[] Sign(ReadOnlySpan<byte> content, SigningIdentity identity, CmsProfile profile, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Sign(content, identity.Certificate, null, identity.Chain, profile, signingTime);
    }

    /// <param name="privateKey">The key when it is not attached to <paramref name="certificate"/> (a token's, held elsewhere).</param>
    public static byte[] Sign(ReadOnlySpan<byte> content, X509Certificate2 certificate, AsymmetricAlgorithm? privateKey,
        IEnumerable<X509Certificate2> chain, CmsProfile profile, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(chain);
        var cms = new SignedCms(new ContentInfo(new Oid(DataContentTypeOid), content.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, privateKey)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain.ToArray());
        if (profile == CmsProfile.Cades)
        {
            signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        }

        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2.Oid, SigningCertificateV2.Encode(certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// Checks the signature over <paramref name="content"/>, that its signing-certificate-v2 names the signer, and that the
    /// signer chains to <paramref name="trustedRoot"/>. Certificates are judged at the time of an RFC 3161 signature
    /// timestamp (id-aa-signatureTimeStampToken) whose authority also chains to the root, otherwise now: the signing time
    /// the signer claims is only a claim, so an expired certificate with a back-dated signature is refused. Without a
    /// root only integrity is checked (<see cref="CmsVerification.IsTrusted"/> stays false).
    /// </summary>
    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, X509Certificate2? trustedRoot) =>
        Verify(content, cms, trustedRoot, DateTimeOffset.UtcNow);

    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, X509Certificate2? trustedRoot, DateTimeOffset now)
    {
        var signed = new SignedCms(new ContentInfo(new Oid(DataContentTypeOid), content.ToArray()), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException e)
        {
            return CmsVerification.Invalid($"not a CMS signature ({e.Message})");
        }

        if (signed.SignerInfos.Count != 1)
        {
            return CmsVerification.Invalid($"expected one signer, found {signed.SignerInfos.Count}");
        }

        var info = signed.SignerInfos[0];
        var certificate = info.Certificate;
        if (certificate is null)
        {
            return CmsVerification.Invalid("the signer's certificate is not embedded");
        }

        var subject = certificate.Subject;
        try
        {
            info.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return CmsVerification.Invalid($"the signature does not match the content ({e.Message})", subject) with { Signer = certificate };
        }

        if (info.DigestAlgorithm.Value != Sha256Oid)
        {
            return CmsVerification.Invalid($"digest {info.DigestAlgorithm.Value} is not SHA-256", subject) with { Signer = certificate };
        }

        var attributes = info.SignedAttributes.Cast<CryptographicAttributeObject>().ToList();
        var essFailure = CheckSigningCertificate(attributes, certificate);
        if (essFailure is not null)
        {
            return CmsVerification.Invalid(essFailure, subject) with { Signer = certificate };
        }

        var signingTime = attributes.SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime, TimeSpan.Zero)).FirstOrDefault();
        var (stamped, authority, stampFailure) = SignatureTimestamp.Read(info, trustedRoot);
        if (stampFailure is not null)
        {
            return CmsVerification.Invalid(stampFailure, subject) with { Signer = certificate, TimestampAuthority = authority };
        }

        var at = stamped ?? now;
        var intact = new CmsVerification(true, subject, stamped ?? signingTime, null) { Signer = certificate, CheckedAt = at, TimestampAuthority = authority };
        if (trustedRoot is null)
        {
            return intact with { Anchor = TopOfChain(certificate, signed.Certificates, null, at).Anchor };
        }

        var (anchor, chainFailure) = TopOfChain(certificate, signed.Certificates, trustedRoot, at);
        return chainFailure is null
            ? intact with { Anchor = anchor, IsTrusted = true }
            : CmsVerification.Invalid(chainFailure, subject) with { Signer = certificate, Anchor = anchor, CheckedAt = at, TimestampAuthority = authority };
    }

    private static string? CheckSigningCertificate(List<CryptographicAttributeObject> attributes, X509Certificate2 certificate)
    {
        var attribute = attributes.FirstOrDefault(a => a.Oid.Value == SigningCertificateV2.Oid);
        if (attribute is null || attribute.Values.Count == 0)
        {
            return null; // optional for plain CMS; required only by the baselines this library writes
        }

        try
        {
            var hash = SigningCertificateV2.ReadFirstCertificateHash(attribute.Values[0].RawData);
            return hash.AsSpan().SequenceEqual(SHA256.HashData(certificate.RawData))
                ? null
                : "the signing-certificate-v2 attribute names another certificate";
        }
        catch (Exception e) when (e is CryptographicException or System.Formats.Asn1.AsnContentException)
        {
            return $"the signing-certificate-v2 attribute is malformed ({e.Message})";
        }
    }

    /// <returns>Where the chain ends (the trusted root, or the unknown anchor it reached) and, with a root, why it does not hold.</returns>
    public static (X509Certificate2? Anchor, string? Failure) TopOfChain(X509Certificate2 certificate, X509Certificate2Collection extra, X509Certificate2? root, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        if (root is not null)
        {
            chain.ChainPolicy.CustomTrustStore.Add(root);
        }

        chain.ChainPolicy.ExtraStore.AddRange(extra);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        var built = chain.Build(certificate);
        var anchor = chain.ChainElements.Count > 0 ? X509CertificateLoader.LoadCertificate(chain.ChainElements[^1].Certificate.RawData) : null;
        if (built)
        {
            return (anchor, null);
        }

        var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0);
        return (anchor, $"the signer's certificate does not chain to the trusted root at {at:u} ({string.Join("; ", problems)})");
    }
}
