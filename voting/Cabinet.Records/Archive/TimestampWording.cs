using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Trust;

namespace Cabinet.Records.Archive;

/// <summary>How a report line says which time the certificates were judged at and whether a timestamp counted.</summary>
internal static class TimestampWording
{
    /// <summary>A signature's RFC 3161 signature timestamp (or its absence), for "certificates judged at …".</summary>
    public static string Signature(X509Certificate2? authority, bool counted, X509Certificate2? root) => authority switch
    {
        null => ReportLanguage.Say("không có dấu thời gian: thời điểm kiểm tra", "no timestamp: the time of verification"),
        _ when !counted => ReportLanguage.Say(
            $"dấu thời gian RFC 3161 của {CertificateNames.Describe(authority)} không được tính vì TSA không thuộc mốc tin cậy nào (--tsa-root): thời điểm kiểm tra",
            $"RFC 3161 timestamp by {CertificateNames.Describe(authority)} not counted, its authority chains to no trusted root (--tsa-root): the time of verification"),
        _ when root is null => ReportLanguage.Say($"dấu thời gian RFC 3161 của {CertificateNames.Describe(authority)}",
            $"RFC 3161 timestamp by {CertificateNames.Describe(authority)}"),
        _ => ReportLanguage.Say($"dấu thời gian RFC 3161 của {CertificateNames.Describe(authority)}, được tính{Root(root)}",
            $"RFC 3161 timestamp by {CertificateNames.Describe(authority)}, counted{Root(root)}"),
    };

    /// <summary>Whether a document timestamp counts (its authority chains to a trusted root) or is checked for integrity only.</summary>
    public static string Document(X509Certificate2? countingRoot, bool trusting) => !trusting ? ""
        : countingRoot is null
            ? ReportLanguage.Say(" (không được tính: TSA không thuộc mốc tin cậy nào, chỉ kiểm tra tính toàn vẹn)",
                " (not counted: its authority chains to no trusted root; integrity only)")
            : ReportLanguage.Say($" (được tính{Root(countingRoot)})", $" (counted{Root(countingRoot)})");

    private static string Root(X509Certificate2? root) => root is null ? ""
        : ReportLanguage.Say($", mốc tin cậy {CertificateNames.Describe(root)}", $", root {CertificateNames.Describe(root)}");
}
