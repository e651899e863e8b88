using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Web.Identity;

/// <summary>
/// Checks a user name and password for the sign-in form and the token endpoint: the client address's throttle (unless
/// the browser has a device cookie for that name), then the account's grain; a success renews the device cookie.
/// Refusals and throttling go to the audit log; the success is logged with the session it opens. A right password
/// that needs a second factor answers <c>auth.mfa_required</c> with a challenge, completed by <see cref="CompleteAsync"/>.
/// </summary>
public sealed class SignInChecker(IGrainFactory grains, DeviceCookie devices, AddressThrottle addresses, AuditTrail audit)
{
    public const int MaxUserName = 64;

    public async Task<SignInOutcome> CheckAsync(HttpContext http, string? userName, string? password, string? newPassword = null)
    {
        var name = userName?.Trim().ToLowerInvariant() ?? "";
        var outcome = await DecideAsync(http, name, password, newPassword);
        if (outcome.Ok)
        {
            devices.Write(http, name, outcome.BrowserId!);
        }
        else if (outcome.Challenge is null)
        {
            var throttled = outcome.Error!.Code == ErrorCodes.SignInThrottled.Code;
            await audit.RecordAsync(http, throttled ? AuditKinds.Throttled : AuditKinds.SignInFailed,
                throttled ? $"{outcome.Reason}; retry after {outcome.RetryAfterSeconds} s" : $"{outcome.Reason} ({outcome.Error.Code})",
                actor: name, organization: "");
        }

        return outcome;
    }

    /// <summary>The second step: a code for the challenge a right password received.</summary>
    public async Task<SignInOutcome> CompleteAsync(HttpContext http, string? challenge, string? code)
    {
        var name = SecondFactorRules.UserNameOf(challenge) ?? "";
        var outcome = name.Length is 0 or > MaxUserName || code is not { Length: > 0 and <= 20 }
            ? SignInOutcome.Refused(ErrorCodes.SecondFactorChallengeInvalid, "malformed")
            : await grains.GetGrain<IUserGrain>(name).CompleteSignInAsync(challenge!, code);
        if (outcome.Ok)
        {
            devices.Write(http, name, outcome.BrowserId!);
            if (outcome.Reason.Contains("totp_enrolled", StringComparison.Ordinal))
            {
                await audit.RecordAsync(http, AuditKinds.SecondFactorEnrolled, "at sign-in", name, outcome.Profile!.OrganizationId);
            }

            await audit.RecordAsync(http, AuditKinds.SecondFactorSucceeded, outcome.Reason, name, outcome.Profile!.OrganizationId);
        }
        else
        {
            await audit.RecordAsync(http, outcome.Error!.Code == ErrorCodes.SignInThrottled.Code ? AuditKinds.Throttled : AuditKinds.SecondFactorFailed,
                $"{outcome.Reason} ({outcome.Error.Code})", actor: name, organization: "");
        }

        return outcome;
    }

    private async Task<SignInOutcome> DecideAsync(HttpContext http, string name, string? password, string? newPassword)
    {
        if (name.Length is 0 or > MaxUserName || string.IsNullOrEmpty(password) || password.Length > PasswordRules.MaxLength)
        {
            return SignInOutcome.Refused(ErrorCodes.SignInFailed, "malformed");
        }

        var browser = devices.Read(http, name);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (browser is null && addresses.RetryAfter(address) is { } wait)
        {
            return SignInOutcome.Refused(ErrorCodes.SignInThrottled, "throttled_address", wait);
        }

        var outcome = await grains.GetGrain<IUserGrain>(name).SignInAsync(new SignInAttempt(password, browser, newPassword));
        if (browser is null && outcome.Error?.Code == ErrorCodes.SignInFailed.Code)
        {
            addresses.Failed(address);
        }

        return outcome;
    }
}
