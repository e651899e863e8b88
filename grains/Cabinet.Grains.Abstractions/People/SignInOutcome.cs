using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>
/// The answer to a <see cref="SignInAttempt"/>: the profile and the browser id to keep in the device cookie, or a
/// refusal; <see cref="RetryAfterSeconds"/> is set with <c>auth.throttled</c>. <see cref="Reason"/> says, for the
/// audit log only, why a refusal happened (never shown to the person: it would tell which user names exist).
/// With <c>auth.mfa_required</c> the password was right: <see cref="Challenge"/> names the second step, and
/// <see cref="Enrolment"/> is set when the person must first enrol (their code then confirms the new secret).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.sign-in-outcome")]
public sealed record SignInOutcome(UserProfile? Profile, string? BrowserId, CabinetError? Error, int RetryAfterSeconds, string Reason,
    string? Challenge = null, SecondFactorEnrolment? Enrolment = null)
{
    public bool Ok => Error is null;

    public static SignInOutcome SecondFactor(string challenge, SecondFactorEnrolment? enrolment) =>
        new(null, null, ErrorCodes.SecondFactorRequired, 0, enrolment is null ? "second_factor_asked" : "second_factor_enrolment_asked", challenge, enrolment);

    public static SignInOutcome Of(UserProfile profile, string browserId, string reason) => new(profile, browserId, null, 0, reason);

    public static SignInOutcome Refused(CabinetError error, string reason, int retryAfterSeconds = 0) => new(null, null, error, retryAfterSeconds, reason);
}
