using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// What checking one detached CMS signature found. <see cref="Failure"/> (and <see cref="FailureVi"/> in Vietnamese,
/// for the verifier's report) says why when it is not valid. Without a
/// trusted root only integrity is judged: <see cref="IsValid"/> then means "intact", and <see cref="IsTrusted"/> is false.
/// </summary>
public sealed record CmsVerification(bool IsValid, string? SignerSubject, DateTimeOffset? SigningTime, string? Failure)
{
    /// <summary>The signer's certificate as embedded in the signature, when it could be read.</summary>
    public X509Certificate2? Signer { get; init; }

    /// <summary>The top of the signer's chain as built (the trusted root, or the unknown anchor the chain ended at).</summary>
    public X509Certificate2? Anchor { get; init; }

    /// <summary>True when the signer chains to the trusted root at <see cref="CheckedAt"/>.</summary>
    public bool IsTrusted { get; init; }

    /// <summary>The time the certificates were judged at: the RFC 3161 timestamp's, else the time of verification.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>The timestamp authority's certificate when the signature carries an RFC 3161 signature timestamp.</summary>
    public X509Certificate2? TimestampAuthority { get; init; }

    /// <summary>True when the signature timestamp fixed <see cref="CheckedAt"/>: its authority chains to the trusted root or to a counted TSA root.</summary>
    public bool TimestampCounted { get; init; }

    /// <summary>The root the counted timestamp's authority chains to (the trusted root or one of the TSA roots).</summary>
    public X509Certificate2? TimestampRoot { get; init; }

    public string? FailureVi { get; init; }

    public static CmsVerification Invalid(string failure, string failureVi, string? signerSubject = null) =>
        new(false, signerSubject, null, failure) { FailureVi = failureVi };
}
