namespace Cabinet.Hosting;

/// <summary>
/// Where a silo keeps its state and how it finds the rest of the cluster. With a Redis connection string the
/// silo uses Redis for clustering, grain state and reminders; without one it runs alone with state on disk.
/// </summary>
public sealed record CabinetSiloOptions
{
    public string? RedisConnectionString { get; init; }

    public string DataPath { get; init; } = "App_Data";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public string ClusterId { get; init; } = "cabinet";

    public string ServiceId { get; init; } = "cabinet";

    /// <summary>PKCS#12 file of the organisation's signing certificate; empty in development (a local test CA is used).</summary>
    public string? SigningCertificatePath { get; init; }

    public string? SigningCertificatePassword { get; init; }

    /// <summary>
    /// The address people and verifiers reach this installation at (e.g. "https://hop.tinh.gov.vn"): issued
    /// certificates name their CRL under it. Unset, certificates carry no CRL distribution point.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The timestamp authority and a PKCS#11 seal (configuration section <c>Cabinet:Signing</c>), secrets already read.</summary>
    public SigningSettings Signing { get; init; } = new();

    /// <summary>Development only: without a configured certificate, a local test CA in the data folder signs.</summary>
    public bool AllowDevelopmentAuthority { get; init; }

    /// <summary>Fault injection for tests: kill the process at this step of sealing ("after-minutes", "after-archive").</summary>
    public string? CrashWhileSealing { get; init; }

    /// <summary>
    /// Fault injection for tests: for a meeting this answers true of, a command's state write fails right after its
    /// ledger entry was appended to the journal (the crash window the journal's recovery exists for).
    /// </summary>
    public Func<string, bool>? FailStateWriteAfterLedgerAppend { get; init; }

    /// <summary>Upload and annotation bounds (configuration section <c>Cabinet:Documents</c>).</summary>
    public Documents.DocumentLimits Documents { get; init; } = new();

    /// <summary>Opinion ballot bounds (configuration section <c>Cabinet:Opinions</c>).</summary>
    public Opinions.OpinionLimits Opinions { get; init; } = new();

    /// <summary>Session lifetimes (configuration section <c>Cabinet:Sessions</c>).</summary>
    public People.SessionLimits Sessions { get; init; } = new();

    /// <summary>What a password hash costs (configuration section <c>Cabinet:Passwords</c>).</summary>
    public People.PasswordHashSettings Passwords { get; init; } = new();

    /// <summary>Audit log retention (configuration section <c>Cabinet:Audit</c>).</summary>
    public Audit.AuditRetention Audit { get; init; } = new();

    /// <summary>Webhook timeouts and back-off (configuration section <c>Cabinet:Webhooks</c>).</summary>
    public Integration.WebhookSettings Webhooks { get; init; } = new();

    /// <summary>How long delivery logs are kept (configuration section <c>Cabinet:Retention</c>).</summary>
    public Integration.RetentionSettings Retention { get; init; } = new();

    /// <summary>The key-encryption key (configuration section <c>Cabinet:Encryption</c>).</summary>
    public EncryptionSettings Encryption { get; init; } = new();

    /// <summary>The data keys, already opened by the host (so a wrong KEK stops it before anything starts); opened from <see cref="Encryption"/> when null.</summary>
    public Encryption.RecordCipher? Cipher { get; init; }

    /// <summary>Notices: retries, reminder lead times, the SMTP server and the SMS gateway (sections <c>Cabinet:Notifications</c>, <c>Cabinet:Email</c>, <c>Cabinet:Sms</c>).</summary>
    public NotificationSettings Notifications { get; init; } = new();

    public bool UsesRedis => !string.IsNullOrWhiteSpace(RedisConnectionString);
}
