using System.ComponentModel.DataAnnotations;

namespace Cabinet.Web.Hosting;

/// <summary>The "Cabinet" configuration section.</summary>
public sealed class CabinetOptions
{
    public const string Section = "Cabinet";

    /// <summary>Folder for grain state in embedded mode (relative to the content root unless absolute).</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Create the demo organisations, people and meetings when the directory is empty.</summary>
    public bool SeedDemoData { get; set; } = true;

    [Range(1, 24 * 60)]
    public int SessionTimeoutMinutes { get; set; } = 30;

    /// <summary>The organisation's PKCS#12 signing certificate; empty in development (a local test CA signs).</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>When set (by tests), the server stops by itself once that process is gone.</summary>
    public int? ParentProcessId { get; set; }
}
