namespace Cabinet.Polls;

/// <summary>A device's ballot-signing public key (SPKI DER, base64), registered to one user; revoked keys sign nothing.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.device-key")]
public sealed record DeviceKey(string DeviceId, string Label, string PublicKeySpki, DateTimeOffset RegisteredAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
