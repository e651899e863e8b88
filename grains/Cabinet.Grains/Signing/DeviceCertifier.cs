using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Signing;

/// <summary>
/// Certifies a person's device key (WebCrypto P-256, public part only) with the organisation's issuing CA, so the
/// device can sign the minutes in the person's name. The server never makes or holds a person's private key.
/// </summary>
public sealed class DeviceCertifier(OrganizationSigners signers)
{
    /// <summary>The certificate for <paramref name="spki"/>, or null when this installation has no issuing CA for people.</summary>
    public X509Certificate2? Certify(string userName, string displayName, string organizationName, byte[] spki)
    {
        try
        {
            return signers.CertifyDeviceKey(userName, displayName, organizationName, spki);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The certificates a verifier needs between a device certificate and the trust anchor (the anchor included).</summary>
    public IReadOnlyList<X509Certificate2> Chain => signers.DeviceChain;
}
