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
    /// timestamp (id-aa-signatureTimeStampToken) whose authority also chains to the root or to one of
    /// <paramref name="timestampRoots"/> (timestamp authorities with their own root), otherwise now: the signing time
    /// the signer claims is only a claim, so an expired certificate with a back-dated signature is refused. Without a
    /// root only integrity is checked (<see cref="CmsVerification.IsTrusted"/> stays false).
    /// </summary>
    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, X509Certificate2? trustedRoot,
        IReadOnlyCollection<X509Certificate2>? timestampRoots = null) =>
        Verify(content, cms, trustedRoot, DateTimeOffset.UtcNow, timestampRoots);

    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, X509Certificate2? trustedRoot, DateTimeOffset now,
        IReadOnlyCollection<X509Certificate2>? timestampRoots = null)
    {
        var signed = new SignedCms(new ContentInfo(new Oid(DataContentTypeOid), content.ToArray()), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException e)
        {
            return CmsVerification.Invalid($"not a CMS signature ({e.Message})", "không phải chữ ký CMS");
        }

        if (signed.SignerInfos.Count != 1)
        {
            return CmsVerification.Invalid($"expected one signer, found {signed.SignerInfos.Count}", $"cần một người ký, có {signed.SignerInfos.Count}");
        }

        var info = signed.SignerInfos[0];
        var certificate = info.Certificate;
        if (certificate is null)
        {
            return CmsVerification.Invalid("the signer's certificate is not embedded", "chữ ký không kèm chứng thư của người ký");
        }

        var subject = certificate.Subject;
        try
        {
            info.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return CmsVerification.Invalid($"the signature does not match the content ({e.Message})", "chữ ký không khớp với nội dung", subject)
                with { Signer = certificate };
        }

        if (info.DigestAlgorithm.Value != Sha256Oid)
        {
            return CmsVerification.Invalid($"digest {info.DigestAlgorithm.Value} is not SHA-256",
                $"thuật toán băm {info.DigestAlgorithm.Value} không phải SHA-256", subject) with { Signer = certificate };
        }

        var attributes = info.SignedAttributes.Cast<CryptographicAttributeObject>().ToList();
        if (CheckSigningCertificate(attributes, certificate) is var (essFailure, essFailureVi))
        {
            return CmsVerification.Invalid(essFailure, essFailureVi, subject) with { Signer = certificate };
        }

        var signingTime = attributes.SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime, TimeSpan.Zero)).FirstOrDefault();
        var (stamped, authority, stampRoot, stampFailure) = SignatureTimestamp.Read(info, trustedRoot, timestampRoots ?? []);
        if (stampFailure is var (stampFailureEn, stampFailureVi))
        {
            return CmsVerification.Invalid(stampFailureEn, stampFailureVi, subject) with { Signer = certificate, TimestampAuthority = authority };
        }

        var at = stamped ?? now;
        var intact = new CmsVerification(true, subject, stamped ?? signingTime, null)
        {
            Signer = certificate, CheckedAt = at, TimestampAuthority = authority, TimestampCounted = stamped is not null, TimestampRoot = stampRoot,
        };
        if (trustedRoot is null)
        {
            return intact with { Anchor = TopOfChain(certificate, signed.Certificates, null, at).Anchor };
        }

        var (anchor, chainFailure, chainFailureVi) = TopOfChain(certificate, signed.Certificates, trustedRoot, at);
        return chainFailure is null
            ? intact with { Anchor = anchor, IsTrusted = true }
            : intact with { IsValid = false, Failure = chainFailure, FailureVi = chainFailureVi, Anchor = anchor };
    }

    private static (string En, string Vi)? CheckSigningCertificate(List<CryptographicAttributeObject> attributes, X509Certificate2 certificate)
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
                : ("the signing-certificate-v2 attribute names another certificate", "thuộc tính signing-certificate-v2 chỉ một chứng thư khác");
        }
        catch (Exception e) when (e is CryptographicException or System.Formats.Asn1.AsnContentException)
        {
            return ($"the signing-certificate-v2 attribute is malformed ({e.Message})", "thuộc tính signing-certificate-v2 sai định dạng");
        }
    }

    /// <returns>
    /// Where the chain ends (the trusted root, or the unknown anchor it reached) and, with a root, why it does not hold
    /// (in Vietnamese too, with .NET's status codes in place of its English descriptions).
    /// </returns>
    public static (X509Certificate2? Anchor, string? Failure, string? FailureVi) TopOfChain(X509Certificate2 certificate, X509Certificate2Collection extra, X509Certificate2? root, DateTimeOffset at)
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
            return (anchor, null, null);
        }

        var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0);
        return (anchor, $"the signer's certificate does not chain to the trusted root at {at:u} ({string.Join("; ", problems)})",
            $"chứng thư của người ký không dẫn tới chứng thư gốc tin cậy tại thời điểm {at:u} ({string.Join(", ", chain.ChainStatus.Select(s => s.Status))})");
    }

    /// <summary>The first of <paramref name="roots"/> a timestamp authority chains to at <paramref name="at"/>, or null (its timestamp does not count).</summary>
    public static X509Certificate2? CountingRoot(X509Certificate2 authority, X509Certificate2Collection extra, IEnumerable<X509Certificate2> roots, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(roots);
        return roots.FirstOrDefault(r => TopOfChain(authority, extra, r, at).Failure is null);
    }
}
