namespace Cabinet.Voting.Signing;

/// <summary>What checking one detached CMS signature found. <see cref="Failure"/> says why when it is not valid.</summary>
public sealed record CmsVerification(bool IsValid, string? SignerSubject, DateTimeOffset? SigningTime, string? Failure)
{
    public static CmsVerification Invalid(string failure, string? signerSubject = null) => new(false, signerSubject, null, failure);
}
