using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.Errors;
using Microsoft.AspNetCore.Identity;

namespace Cabinet.People;

/// <summary>
/// Sign-in and passwords. A wrong password slows down only the browser it came from: an unknown browser shares the
/// account's throttle, a known one (device cookie) has its own, so nobody can keep the owner out by guessing. An
/// unknown user name gets the same answers at the same cost (a decoy hash, an in-memory throttle of its own).
/// </summary>
public sealed partial class UserGrain
{
    public const int MaxKnownBrowsers = 10;

    // An unknown name's throttle: kept in memory only, since the name has no account to keep it in.
    private (int Failures, DateTimeOffset? NotBefore) _unknownName;

    public async Task<SignInOutcome> SignInAsync(SignInAttempt attempt)
    {
        var now = clock.GetUtcNow();
        if (state.State.Profile is not { } profile)
        {
            return SignInUnknown(attempt.Password, now);
        }

        var browser = attempt.BrowserId is null ? null : state.State.Browsers.FirstOrDefault(b => b.BrowserId == attempt.BrowserId);
        if ((browser is null ? state.State.LockedUntil : browser.NotBefore) is { } notBefore && notBefore > now)
        {
            return SignInOutcome.Refused(ErrorCodes.SignInThrottled, browser is null ? "throttled" : "throttled_known_browser", SignInThrottle.SecondsUntil(notBefore, now));
        }

        var verified = passwords.Verify(attempt.Password, state.State.PasswordHash);
        if (verified == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(browser, now);
            return SignInOutcome.Refused(ErrorCodes.SignInFailed, browser is null ? "wrong_password" : "wrong_password_known_browser");
        }

        // Only after the password: a guesser learns nothing about the account's state.
        if (state.State.Disabled)
        {
            return SignInOutcome.Refused(ErrorCodes.AccountDisabled, "disabled");
        }

        var reason = verified == PasswordVerificationResult.SuccessRehashNeeded ? "password_rehashed" : "password";
        var hash = verified == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Create(attempt.Password) : state.State.PasswordHash;
        if (state.State.MustChangePassword)
        {
            if (attempt.NewPassword is null)
            {
                return SignInOutcome.Refused(ErrorCodes.PasswordChangeRequired, "password_change_required");
            }

            if (PasswordRules.Check(attempt.NewPassword, profile.UserName, profile.IsAdministrator) is { } weak)
            {
                return SignInOutcome.Refused(weak, "new_password_refused");
            }

            (hash, reason) = (passwords.Create(attempt.NewPassword), "password_changed_at_sign_in");
        }

        state.State = state.State with { PasswordHash = hash, MustChangePassword = false, FailedSignIns = 0, LockedUntil = null };
        if (await SecondFactorAskedAsync(profile))
        {
            await state.WriteStateAsync();
            return AskSecondFactor(browser?.BrowserId, reason, now);
        }

        return await RememberBrowserAsync(profile, browser?.BrowserId, reason, now);
    }

    /// <summary>Ends a successful sign-in: the browser becomes (or stays) known, with its own throttle cleared.</summary>
    private async Task<SignInOutcome> RememberBrowserAsync(UserProfile profile, string? browserId, string reason, DateTimeOffset now)
    {
        var browser = browserId is null ? null : state.State.Browsers.FirstOrDefault(b => b.BrowserId == browserId);
        var known = browser ?? new KnownBrowser(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now, 0, null);
        var browsers = state.State.Browsers.Remove(browser!).Add(known with { LastSignIn = now, FailedSignIns = 0, NotBefore = null });
        state.State = state.State with
        {
            Browsers = browsers.Length > MaxKnownBrowsers ? [.. browsers.OrderByDescending(b => b.LastSignIn).Take(MaxKnownBrowsers)] : browsers,
        };
        await state.WriteStateAsync();
        return SignInOutcome.Of(profile, known.BrowserId, reason);
    }

    /// <summary>The person changes their own password (knowing the current one); every session of theirs ends.</summary>
    /// <returns>The sessions ended.</returns>
    public async Task<Result<ImmutableArray<string>>> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        var now = clock.GetUtcNow();
        if (state.State.Profile is not { } profile)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.UnknownUser);
        }

        if (state.State.LockedUntil is { } notBefore && notBefore > now)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.SignInThrottled);
        }

        if (passwords.Verify(currentPassword, state.State.PasswordHash) == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(null, now);
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.PasswordWrong);
        }

        if (PasswordRules.Check(newPassword, profile.UserName, profile.IsAdministrator) is { } weak)
        {
            return Result<ImmutableArray<string>>.Refused(weak);
        }

        state.State = state.State with { PasswordHash = passwords.Create(newPassword), MustChangePassword = false, FailedSignIns = 0, LockedUntil = null };
        await state.WriteStateAsync();
        return Result<ImmutableArray<string>>.Of(await Sessions.EndAllAsync());
    }

    /// <summary>An administrator sets a temporary password: the person must choose a new one at sign-in; sessions end.</summary>
    public async Task<Result<ImmutableArray<string>>> ResetPasswordAsync(string temporaryPassword)
    {
        if (state.State.Profile is not { } profile)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.UnknownUser);
        }

        if (PasswordRules.Check(temporaryPassword, profile.UserName, profile.IsAdministrator) is { } weak)
        {
            return Result<ImmutableArray<string>>.Refused(weak);
        }

        state.State = state.State with
        {
            PasswordHash = passwords.Create(temporaryPassword), MustChangePassword = true, FailedSignIns = 0, LockedUntil = null, Browsers = [],
        };
        await state.WriteStateAsync();
        return Result<ImmutableArray<string>>.Of(await Sessions.EndAllAsync());
    }

    /// <summary>Disables (every session ends, sign-in refused) or enables the account.</summary>
    public async Task<Result<ImmutableArray<string>>> SetDisabledAsync(bool disabled)
    {
        if (state.State.Profile is null)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.UnknownUser);
        }

        if (state.State.Disabled != disabled)
        {
            state.State = state.State with { Disabled = disabled };
            await state.WriteStateAsync();
        }

        return Result<ImmutableArray<string>>.Of(disabled ? await Sessions.EndAllAsync() : []);
    }

    public Task<bool> IsDisabledAsync() => Task.FromResult(state.State.Disabled);

    private IUserSessionsGrain Sessions => GrainFactory.GetGrain<IUserSessionsGrain>(this.GetPrimaryKeyString());

    private SignInOutcome SignInUnknown(string password, DateTimeOffset now)
    {
        if (_unknownName.NotBefore is { } notBefore && notBefore > now)
        {
            return SignInOutcome.Refused(ErrorCodes.SignInThrottled, "throttled_unknown_user", SignInThrottle.SecondsUntil(notBefore, now));
        }

        passwords.VerifyDecoy(password);
        var failures = _unknownName.Failures + 1;
        _unknownName = (failures, SignInThrottle.NotBefore(failures, now));
        return SignInOutcome.Refused(ErrorCodes.SignInFailed, "unknown_user");
    }

    private Task CountFailureAsync(KnownBrowser? browser, DateTimeOffset now)
    {
        if (browser is null)
        {
            var failures = state.State.FailedSignIns + 1;
            state.State = state.State with { FailedSignIns = failures, LockedUntil = SignInThrottle.NotBefore(failures, now) };
        }
        else
        {
            var failures = browser.FailedSignIns + 1;
            state.State = state.State with
            {
                Browsers = state.State.Browsers.Replace(browser, browser with { FailedSignIns = failures, NotBefore = SignInThrottle.NotBefore(failures, now) }),
            };
        }

        return state.WriteStateAsync();
    }
}
