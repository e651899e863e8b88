using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Trust;

/// <summary>How a verdict names a certificate: its subject and its SHA-256 fingerprint, which anyone can compare.</summary>
public static class CertificateNames
{
    public static string Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    public static string Describe(X509Certificate2? certificate) =>
        certificate is null ? ReportLanguage.Say("(không có chứng thư)", "(no certificate)") : $"{certificate.Subject} [SHA-256 {Fingerprint(certificate)}]";

    /// <summary>A fingerprint as people paste it (colons, spaces, any case) in the form <see cref="Fingerprint"/> prints, or null.</summary>
    public static string? NormaliseFingerprint(string? text)
    {
        var hex = new string((text ?? "").Where(c => c is not (':' or ' ' or '-')).ToArray()).ToUpperInvariant();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex : null;
    }

    /// <summary>The values of one attribute type in the subject, e.g. "2.5.4.10" for O.</summary>
    public static IReadOnlyList<string> SubjectValues(X509Certificate2 certificate, string oid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var values = new List<string>();
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (!name.HasMultipleElements && name.GetSingleElementType().Value == oid && name.GetSingleElementValue() is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
