using System.Collections.Concurrent;
using Cabinet.Hub.Limits;
using Cabinet.People;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Identity;

/// <summary>
/// Wrong passwords per client address on this host, whatever the account: after
/// <see cref="RateLimitOptions.SignInFailuresPerAddress"/> of them the address waits progressively
/// (<see cref="SignInThrottle"/>). Browsers with a device cookie are not held back here (an office behind one address
/// is not punished for a guesser among it). An address's count is forgotten 15 minutes after its last failure, and the
/// table holds at most <see cref="MaxAddresses"/> addresses.
/// </summary>
public sealed class AddressThrottle(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public const int MaxAddresses = 100_000;
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last, DateTimeOffset? NotBefore)> _addresses = new(StringComparer.Ordinal);

    /// <returns>Seconds to wait before this address may try again; null when it may now.</returns>
    public int? RetryAfter(string address)
    {
        var now = clock.GetUtcNow();
        return _addresses.TryGetValue(address, out var entry) && entry.NotBefore is { } notBefore && notBefore > now
            ? SignInThrottle.SecondsUntil(notBefore, now) : null;
    }

    public void Failed(string address)
    {
        var now = clock.GetUtcNow();
        if (_addresses.Count >= MaxAddresses)
        {
            foreach (var (key, entry) in _addresses)
            {
                if (now - entry.Last > ForgetAfter)
                {
                    _addresses.TryRemove(key, out _);
                }
            }
        }

        if (_addresses.Count >= MaxAddresses)
        {
            _addresses.Clear(); // a flood of addresses: start over rather than grow
        }

        _addresses.AddOrUpdate(address,
            _ => (1, now, SignInThrottle.NotBefore(1, now, options.Value.SignInFailuresPerAddress)),
            (_, entry) =>
            {
                var failures = now - entry.Last > ForgetAfter ? 1 : entry.Failures + 1;
                return (failures, now, SignInThrottle.NotBefore(failures, now, options.Value.SignInFailuresPerAddress));
            });
    }
}
