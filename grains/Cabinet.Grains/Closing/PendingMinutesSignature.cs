using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>
/// A personal signature between its two round-trips: what the device was asked to sign and how to rebuild the PDF
/// it covers. The prepared PDF itself is not kept: preparing <see cref="BaseSha256"/> again with the same certificate
/// and <see cref="SigningTime"/> gives the same bytes, so this stays a few kilobytes whatever the minutes' size.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.pending-minutes-signature")]
public sealed record PendingMinutesSignature(
    string UserName,
    string DeviceId,
    string CertificateBase64,
    string BaseSha256,
    DateTimeOffset SigningTime,
    DateTimeOffset ExpiresAt,
    string SignedAttributesBase64)
{
    /// <summary>How long the device has to answer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
}
