namespace Cabinet.Hosting;

/// <summary>Configuration section <c>Cabinet:Signing</c>: the timestamp authority, a PKCS#11 seal, the CA that certifies people's device keys.</summary>
public sealed record SigningSettings
{
    public const string Section = "Cabinet:Signing";

    /// <summary>
    /// The RFC 3161 timestamp authority (e.g. a licensed Vietnamese TSA). Set, every signature Cabinet makes carries its
    /// timestamp and sealed minutes reach PAdES-B-LTA; while it cannot be reached, sealing waits and retries.
    /// Unset, signatures are PAdES-B-B (the signer's claimed time only).
    /// </summary>
    public string? TimestampUrl { get; init; }

    /// <summary>HTTP Basic credentials, when the TSA asks for them.</summary>
    public string? TimestampUser { get; init; }

    public string? TimestampPassword { get; init; }

    /// <summary>A file holding the TSA password (a mounted secret); wins over the plain setting.</summary>
    public string? TimestampPasswordFile { get; init; }

    /// <summary>The organisation's seal key in a PKCS#11 token or HSM instead of a PKCS#12 file.</summary>
    public Pkcs11Settings? Pkcs11 { get; init; }

    /// <summary>
    /// The organisation's issuing CA (PKCS#12: one CA certificate with its key, optionally the certificates above it),
    /// which certifies people's device keys so the secretary and the chair sign the minutes themselves. It must chain
    /// to the trust anchor of the seal's certificate. Required in Production; in Development the local CA issues.
    /// </summary>
    public string? IssuingCaPath { get; init; }

    public string? IssuingCaPassword { get; init; }

    /// <summary>A file holding the issuing CA's password; wins over the plain setting.</summary>
    public string? IssuingCaPasswordFile { get; init; }
}

/// <summary>Configuration section <c>Cabinet:Signing:Pkcs11</c>: where the seal key lives; it never leaves the token.</summary>
public sealed record Pkcs11Settings
{
    /// <summary>The token's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so or a vendor's HSM library.</summary>
    public string? Library { get; init; }

    public string? TokenLabel { get; init; }

    /// <summary>The user PIN; prefer <see cref="PinFile"/>.</summary>
    public string? Pin { get; init; }

    public string? PinFile { get; init; }

    /// <summary>CKA_LABEL of the private key and of its certificate.</summary>
    public string? KeyLabel { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Library);
}
