using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Trust;

/// <summary>
/// Whether a certificate is the organisation that owns a meeting, not merely any certificate under the root. Cabinet
/// issues the organisation's seal certificate with organizationIdentifier = "CABINET:&lt;organisation id&gt;" and a
/// person's with a UID and no organizationIdentifier. A certificate without organizationIdentifier (every archive sealed
/// before issue 16, or a licensed CA's certificate) is accepted as "legacy" only when it has no UID, is not a CA, and its
/// common name is exactly the organisation's name (its O as well, when it has no common name). The legacy rule asks for
/// the CN, not "CN or O": an old personal certificate carries the organisation in its O too.
/// </summary>
public static class OrganisationCertificate
{
    public const string IdentifierPrefix = "CABINET:";
    private const string OrganizationIdentifierOid = "2.5.4.97";
    private const string UserIdOid = "0.9.2342.19200300.100.1.1";
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";
    private const string DocumentSigningOid = "1.3.6.1.5.5.7.3.36";

    /// <summary>What matching found: whether it is the organisation, by the legacy rule or not, and if not, why.</summary>
    public sealed record Match(bool IsOrganisation, bool Legacy, string? Failure);

    /// <param name="organisationId">The owning organisation's id as the archive names it; null in archives sealed before it was recorded.</param>
    public static Match Judge(X509Certificate2 certificate, string organisationName, string? organisationId)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var identifiers = CertificateNames.SubjectValues(certificate, OrganizationIdentifierOid);
        var isAuthority = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
        if (isAuthority)
        {
            return new(false, false, ReportLanguage.Say("chứng thư của một tổ chức chứng thực (CA), không phải của cơ quan", "a certification authority's (CA) certificate, not the organisation's"));
        }

        if (CertificateNames.SubjectValues(certificate, UserIdOid).Count > 0)
        {
            return new(false, false, ReportLanguage.Say("chứng thư của một cá nhân (có UID), không phải con dấu của cơ quan", "a person's certificate (it has a UID), not the organisation's seal"));
        }

        if (identifiers.Count > 0)
        {
            var expected = IdentifierPrefix + organisationId;
            if (organisationId is null || identifiers.Count != 1 || !string.Equals(identifiers[0], expected, StringComparison.Ordinal))
            {
                return new(false, false, ReportLanguage.Say(
                    $"chứng thư của cơ quan khác (organizationIdentifier {string.Join(", ", identifiers)}, cần {(organisationId is null ? "mã cơ quan mà hồ sơ không ghi" : expected)})",
                    $"another organisation's certificate (organizationIdentifier {string.Join(", ", identifiers)}, expected {(organisationId is null ? "an id the archive does not record" : expected)})"));
            }

            return FitForSealing(certificate) is { } unfit ? new(false, false, unfit) : new(true, false, null);
        }

        var commonNames = CertificateNames.SubjectValues(certificate, CommonNameOid);
        var organisations = CertificateNames.SubjectValues(certificate, OrganizationOid);
        var named = commonNames.Count > 0 ? commonNames : organisations;
        return named.Count == 1 && string.Equals(named[0], organisationName, StringComparison.Ordinal)
            ? new(true, true, null)
            : new(false, false, ReportLanguage.Say($"chứng thư không mang tên cơ quan \"{organisationName}\" (CN/O: {string.Join(", ", commonNames.Concat(organisations))})",
                $"the certificate does not bear the organisation's name \"{organisationName}\" (CN/O: {string.Join(", ", commonNames.Concat(organisations))})"));
    }

    private static string? FitForSealing(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages ?? X509KeyUsageFlags.None;
        if (!usage.HasFlag(X509KeyUsageFlags.DigitalSignature) || !usage.HasFlag(X509KeyUsageFlags.NonRepudiation))
        {
            return ReportLanguage.Say("chứng thư không cho phép ký số và chống chối bỏ (KeyUsage digitalSignature, nonRepudiation)",
                "the certificate does not allow digital signature and non-repudiation (KeyUsage digitalSignature, nonRepudiation)");
        }

        var purposes = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()?.EnhancedKeyUsages;
        return purposes is not null && purposes.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value == DocumentSigningOid)
            ? null
            : ReportLanguage.Say("chứng thư không dành cho ký văn bản (thiếu EKU id-kp-documentSigning 1.3.6.1.5.5.7.3.36)",
                "the certificate is not for document signing (no EKU id-kp-documentSigning 1.3.6.1.5.5.7.3.36)");
    }
}
