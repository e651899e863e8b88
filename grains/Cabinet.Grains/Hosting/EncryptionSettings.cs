namespace Cabinet.Hosting;

/// <summary>
/// Configuration section <c>Cabinet:Encryption</c>: the key-encryption key that wraps the data keys, from a key file or a
/// PKCS#11 token (the PIN already read from its file by the host).
/// </summary>
public sealed record EncryptionSettings
{
    public const string Section = "Cabinet:Encryption";

    /// <summary>Development only: false stores plaintext (the encryption benchmark's baseline). Refused elsewhere.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A file of exactly 32 random bytes (owner-only), kept away from the data and its backups.</summary>
    public string? KeyFile { get; init; }

    /// <summary>An AES key in a token (<c>KeyLabel</c> names a CKO_SECRET_KEY); wins over <see cref="KeyFile"/>.</summary>
    public Pkcs11Settings? Pkcs11 { get; init; }

    /// <summary>Development only (set by the host, not configuration): a missing <see cref="KeyFile"/> is made.</summary>
    public bool CreateMissingKeyFile { get; init; }

    public bool IsConfigured => Pkcs11 is { IsConfigured: true } || !string.IsNullOrWhiteSpace(KeyFile);
}
