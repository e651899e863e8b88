using System.ComponentModel.DataAnnotations;

namespace Cabinet.Web.Hosting;

/// <summary>The "Cabinet" configuration section.</summary>
public sealed class CabinetOptions
{
    public const string Section = "Cabinet";

    /// <summary>Folder for grain state in embedded mode (relative to the content root unless absolute).</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Create the demo organisations, people and meetings when the directory is empty. On only where switched on.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>The organisation's PKCS#12 signing certificate; required outside Development (a local test CA signs there).</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>A file holding the signing certificate's password (a mounted secret); wins over the plain setting.</summary>
    public string? SigningCertificatePasswordFile { get; set; }

    /// <summary>
    /// The RSA certificate (PKCS#12) that encrypts the data-protection keys (sign-in cookies, tokens) at rest. Outside
    /// Development it defaults to the signing certificate when that is RSA.
    /// </summary>
    public string? DataProtectionCertificatePath { get; set; }

    public string? DataProtectionCertificatePassword { get; set; }

    public string? DataProtectionCertificatePasswordFile { get; set; }

    /// <summary>
    /// This installation's public address (e.g. "https://hop.tinh.gov.vn"); certificates it issues name their CRL
    /// as {PublicBaseUrl}/pki/crl/{ca}.crl.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Origins besides the host's own that browsers may call the hub and cookie endpoints from (e.g. "https://hop.tinh.gov.vn").</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Reverse proxies (IP addresses) whose X-Forwarded-For/Proto headers are believed; loopback always is.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. "10.0.0.0/24") whose proxies are believed.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>When set (by tests), the server stops by itself once that process is gone.</summary>
    public int? ParentProcessId { get; set; }
}
