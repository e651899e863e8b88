namespace Cabinet.Polls;

/// <summary>
/// A device's signing public key (SPKI DER, base64), registered to one user; revoked keys sign nothing. It signs
/// ballots as a bare key, and the minutes with <see cref="CertificateBase64"/>: an X.509 certificate for this very key
/// from the organisation's issuing CA (the private key never leaves the device).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.device-key")]
public sealed record DeviceKey(string DeviceId, string Label, string PublicKeySpki, DateTimeOffset RegisteredAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    /// <summary>The device key's certificate (DER, base64), issued when the device first signs a record; null before.</summary>
    [Id(5)] public string? CertificateBase64 { get; init; }
}
