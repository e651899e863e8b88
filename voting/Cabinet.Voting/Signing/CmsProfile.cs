namespace Cabinet.Voting.Signing;

/// <summary>Which signed attributes a CMS signature carries.</summary>
public enum CmsProfile
{
    /// <summary>CAdES baseline: content-type, message-digest, signing-time, ESS signing-certificate-v2.</summary>
    Cades,

    /// <summary>
    /// PAdES baseline: as CAdES but without signing-time, which ETSI EN 319 142-1 forbids inside a PDF signature;
    /// the claimed time goes into the signature dictionary's /M instead.
    /// </summary>
    Pades,
}
