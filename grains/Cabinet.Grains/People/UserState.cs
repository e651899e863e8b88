using System.Collections.Immutable;

namespace Cabinet.People;

[GenerateSerializer]
public sealed record UserState
{
    [Id(0)] public UserProfile? Profile { get; init; }
    [Id(1)] public string PasswordHash { get; init; } = "";
    /// <summary>Wrong passwords in a row from browsers the account does not know (see <see cref="SignInThrottle"/>).</summary>
    [Id(2)] public int FailedSignIns { get; init; }

    /// <summary>Until when such browsers are answered <c>auth.throttled</c> without a check (never a lock-out of the owner's known browsers).</summary>
    [Id(3)] public DateTimeOffset? LockedUntil { get; init; }
    // Id 4 held the ids of every meeting the person was invited to, a list that only grew; the meeting index replaced it.
    [Id(5)] public ImmutableArray<Polls.DeviceKey> Devices { get; init; } = [];
    [Id(6)] public ImmutableArray<KnownBrowser> Browsers { get; init; } = [];
    [Id(7)] public bool Disabled { get; init; }

    /// <summary>Set by an administrator's password reset: sign-in then needs a new password.</summary>
    [Id(8)] public bool MustChangePassword { get; init; }

    /// <summary>The authenticator app's TOTP secret (base32), once enrolled; null otherwise.</summary>
    [Id(9)] public string? TotpSecret { get; init; }

    /// <summary>The last TOTP time step accepted: a code of this step or an earlier one is refused (no replay).</summary>
    [Id(10)] public long TotpLastStep { get; init; }

    /// <summary>SHA-256 of each unused recovery code (at most <see cref="RecoveryCodes.Count"/>).</summary>
    [Id(11)] public ImmutableArray<string> RecoveryCodeHashes { get; init; } = [];

    /// <summary>An enrolment started from /account, active once a code from the app confirms it.</summary>
    [Id(12)] public string? PendingTotpSecret { get; init; }

    /// <summary>Wrong second-factor codes in a row, and until when the next code waits (<see cref="SignInThrottle"/>).</summary>
    [Id(13)] public int SecondFactorFailures { get; init; }

    [Id(14)] public DateTimeOffset? SecondFactorNotBefore { get; init; }

    /// <summary>SHA-256 (hex) of the person's secret calendar feed token; the token itself is shown once and never kept.</summary>
    [Id(15)] public string? CalendarFeedHash { get; init; }
}
