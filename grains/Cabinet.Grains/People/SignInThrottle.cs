namespace Cabinet.People;

/// <summary>
/// The progressive delay after wrong passwords, for an account (from browsers it does not know), for each of its known
/// browsers, and for a client address: the first <c>free</c> failures cost nothing; after that each failure makes the
/// next try wait 2^k × <see cref="FirstDelay"/> (15 s, 30 s, 1 min …), at most <see cref="MaxDelay"/>. Fifteen
/// seconds first, not one: a one-second pause costs a guesser nothing. Tries during the wait are answered at once with
/// <c>auth.throttled</c>, checked against nothing and counted as nothing, so an attacker cannot lengthen the wait
/// faster than it grows, and no thread sleeps.
/// </summary>
public static class SignInThrottle
{
    public const int FreeFailuresPerAccount = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <returns>When the next try is allowed after <paramref name="failures"/> failures in a row; null when at once.</returns>
    public static DateTimeOffset? NotBefore(int failures, DateTimeOffset now, int free = FreeFailuresPerAccount)
    {
        if (failures < free)
        {
            return null;
        }

        var doublings = Math.Min(failures - free, 20);
        return now + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, doublings) * FirstDelay.TotalSeconds, MaxDelay.TotalSeconds));
    }

    /// <summary>Whole seconds to wait until <paramref name="notBefore"/>, at least 1.</summary>
    public static int SecondsUntil(DateTimeOffset notBefore, DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((notBefore - now).TotalSeconds));
}
