using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>
/// The second factor: a TOTP authenticator app (RFC 6238) and ten recovery codes. After the right password, a person
/// whose organisation requires it (or who enrolled) gets a challenge instead of a session; the challenge, held in
/// this activation's memory for five minutes, is completed with a code. A person required to use it who has not
/// enrolled gets a fresh secret with the challenge: their first code both enrols and signs in. Each TOTP time step is
/// accepted once; wrong codes slow down further codes as wrong passwords slow down passwords.
/// </summary>
public sealed partial class UserGrain
{
    public const int MaxPendingChallenges = 5;
    public const int MaxCodesPerChallenge = 5;

    private readonly List<SignInChallenge> _challenges = [];
    private ImmutableArray<string> _freshRecoveryCodes = [];

    public async Task<SignInOutcome> CompleteSignInAsync(string challenge, string code)
    {
        var now = clock.GetUtcNow();
        _challenges.RemoveAll(c => c.Expires <= now);
        var pending = _challenges.FirstOrDefault(c => c.Id == challenge);
        if (pending is null || state.State.Profile is not { } profile || state.State.Disabled)
        {
            return SignInOutcome.Refused(ErrorCodes.SecondFactorChallengeInvalid, pending is null ? "challenge_unknown" : "disabled");
        }

        if (state.State.SecondFactorNotBefore is { } notBefore && notBefore > now)
        {
            return SignInOutcome.Refused(ErrorCodes.SignInThrottled, "second_factor_throttled", SignInThrottle.SecondsUntil(notBefore, now));
        }

        var reason = await AcceptCodeAsync(pending, code.Trim(), now);
        if (reason is null)
        {
            pending.Failures++;
            if (pending.Failures >= MaxCodesPerChallenge)
            {
                _challenges.Remove(pending);
            }

            var failures = state.State.SecondFactorFailures + 1;
            state.State = state.State with { SecondFactorFailures = failures, SecondFactorNotBefore = SignInThrottle.NotBefore(failures, now) };
            await state.WriteStateAsync();
            return SignInOutcome.Refused(ErrorCodes.SecondFactorFailed, "second_factor_wrong");
        }

        _challenges.Remove(pending);
        state.State = state.State with { SecondFactorFailures = 0, SecondFactorNotBefore = null };
        return await RememberBrowserAsync(profile, pending.BrowserId, $"{pending.Reason}+{reason}", now);
    }

    public Task<SecondFactorEnrolment?> GetChallengeEnrolmentAsync(string challenge) =>
        Task.FromResult(_challenges.FirstOrDefault(c => c.Id == challenge && c.Expires > clock.GetUtcNow()) is { EnrolmentSecret: { } secret }
            ? SecondFactorEnrolment.Of(secret, this.GetPrimaryKeyString()) : null);

    public async Task<SecondFactorEnrolment> BeginSecondFactorEnrolmentAsync()
    {
        state.State = state.State with { PendingTotpSecret = TotpCode.NewSecret() };
        await state.WriteStateAsync();
        return SecondFactorEnrolment.Of(state.State.PendingTotpSecret, this.GetPrimaryKeyString());
    }

    public Task<SecondFactorEnrolment?> GetPendingEnrolmentAsync() =>
        Task.FromResult(state.State.PendingTotpSecret is { } secret ? SecondFactorEnrolment.Of(secret, this.GetPrimaryKeyString()) : null);

    public async Task<CommandResult> ConfirmSecondFactorEnrolmentAsync(string code)
    {
        if (state.State.Profile is null || state.State.PendingTotpSecret is not { } secret)
        {
            return CommandResult.Refused(ErrorCodes.SecondFactorNotStarted);
        }

        if (TotpCode.StepOf(secret, code.Trim(), clock.GetUtcNow()) is not { } step)
        {
            return CommandResult.Refused(ErrorCodes.SecondFactorFailed);
        }

        await EnrolAsync(secret, step);
        return CommandResult.Accepted(0);
    }

    public Task<ImmutableArray<string>> TakeFreshRecoveryCodesAsync()
    {
        var codes = _freshRecoveryCodes;
        _freshRecoveryCodes = [];
        return Task.FromResult(codes);
    }

    private async Task<bool> SecondFactorAskedAsync(UserProfile profile) =>
        SecondFactorRules.IsAsked(await GrainFactory.GetGrain<IOrganizationGrain>(profile.OrganizationId).GetSecondFactorPolicyAsync(),
            profile.Role, enrolled: state.State.TotpSecret is not null);

    private SignInOutcome AskSecondFactor(string? browserId, string reason, DateTimeOffset now)
    {
        _challenges.RemoveAll(c => c.Expires <= now);
        if (_challenges.Count >= MaxPendingChallenges)
        {
            _challenges.RemoveAt(0);
        }

        var enrolment = state.State.TotpSecret is null ? TotpCode.NewSecret() : null;
        var challenge = new SignInChallenge($"{this.GetPrimaryKeyString()}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}",
            browserId, now + SecondFactorRules.ChallengeLifetime, enrolment, reason);
        _challenges.Add(challenge);
        return SignInOutcome.SecondFactor(challenge.Id, enrolment is null ? null : SecondFactorEnrolment.Of(enrolment, this.GetPrimaryKeyString()));
    }

    /// <returns>How the code was accepted (for the audit log), or null when it was not.</returns>
    private async Task<string?> AcceptCodeAsync(SignInChallenge pending, string code, DateTimeOffset now)
    {
        if (pending.EnrolmentSecret is { } secret)
        {
            if (TotpCode.StepOf(secret, code, now) is not { } first)
            {
                return null;
            }

            await EnrolAsync(secret, first);
            return "totp_enrolled";
        }

        if (RecoveryCodes.LooksLikeOne(code))
        {
            var hash = RecoveryCodes.Hash(code);
            if (!state.State.RecoveryCodeHashes.Contains(hash))
            {
                return null;
            }

            state.State = state.State with { RecoveryCodeHashes = state.State.RecoveryCodeHashes.Remove(hash) };
            return $"recovery_code ({state.State.RecoveryCodeHashes.Length} left)";
        }

        if (state.State.TotpSecret is not { } active || TotpCode.StepOf(active, code, now) is not { } step || step <= state.State.TotpLastStep)
        {
            return null;
        }

        state.State = state.State with { TotpLastStep = step };
        return "totp";
    }

    private async Task EnrolAsync(string secret, long firstStep)
    {
        _freshRecoveryCodes = RecoveryCodes.New();
        state.State = state.State with
        {
            TotpSecret = secret,
            TotpLastStep = firstStep,
            PendingTotpSecret = null,
            RecoveryCodeHashes = [.. _freshRecoveryCodes.Select(RecoveryCodes.Hash)],
        };
        await state.WriteStateAsync();
    }

    /// <summary>A sign-in waiting for its second factor (this activation's memory only: a lost one means signing in again).</summary>
    private sealed class SignInChallenge(string id, string? browserId, DateTimeOffset expires, string? enrolmentSecret, string reason)
    {
        public string Id { get; } = id;
        public string? BrowserId { get; } = browserId;
        public DateTimeOffset Expires { get; } = expires;
        public string? EnrolmentSecret { get; } = enrolmentSecret;
        public string Reason { get; } = reason;
        public int Failures { get; set; }
    }
}
