using System.Collections.Concurrent;
using OtpNet;

namespace Cabinet.Testing;

/// <summary>
/// The authenticator app of the tests: the TOTP secrets of accounts enrolled while signing in through the helpers
/// (per server and user), and a code for a time step the server has not accepted yet. The server accepts each step
/// once, from the one before now to the one after, so a fourth sign-in within one step waits for the next.
/// </summary>
public static class SecondFactorCodes
{
    private const int StepSeconds = 30;
    private static readonly ConcurrentDictionary<string, Account> Accounts = new(StringComparer.Ordinal);

    public static void Remember(Uri server, string userName, string secret) => Accounts[Key(server, userName)] = new Account(secret);

    public static bool Knows(Uri server, string userName) => Accounts.ContainsKey(Key(server, userName));

    /// <summary>A code for the next unused step (waiting until the server accepts it).</summary>
    public static async Task<string> NextAsync(Uri server, string userName)
    {
        var account = Accounts.TryGetValue(Key(server, userName), out var known) ? known
            : throw new InvalidOperationException($"No TOTP secret is known for {userName}: enrol it through the helpers first.");
        long step;
        lock (account)
        {
            // The step before now stays accepted only until the current step ends: with less than a few seconds of it
            // left, a loaded machine can deliver the code after that (a sign-in failed so once in a run).
            var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var earliest = seconds % StepSeconds < StepSeconds - 5 ? seconds / StepSeconds - 1 : seconds / StepSeconds;
            step = Math.Max(account.LastStep + 1, earliest);
            account.LastStep = step;
        }

        // The server accepts up to one step ahead of its clock.
        var wait = TimeSpan.FromSeconds((step - 1) * StepSeconds) - TimeSpan.FromSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        return CodeAt(account.Secret, step);
    }

    /// <summary>The code of <paramref name="secret"/> at the current time step (for a test that replays it on purpose).</summary>
    public static string Current(string secret) => CodeAt(secret, Now());

    public static string CodeAt(string secret, long step) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds + 1).UtcDateTime);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;

    private static string Key(Uri server, string userName) => $"{server.Authority}|{userName}";

    private sealed class Account(string secret)
    {
        public string Secret { get; } = secret;
        public long LastStep { get; set; } = long.MinValue / 2;
    }
}
