using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cabinet.Hub.Limits;

/// <summary>Each person's own bucket of hub commands: one person's flood never slows anyone else.</summary>
public sealed class CommandLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Value.HubCommandBurst),
            TokensPerPeriod = Math.Max(1, options.Value.HubCommandsPerMinute / 12),
            ReplenishmentPeriod = TimeSpan.FromSeconds(5),
            QueueLimit = 0,
        }));

    /// <summary>True when the command may run now; false when the person is over their rate (nothing is queued).</summary>
    public bool TryAcquire(string userName)
    {
        using var lease = _buckets.AttemptAcquire(userName);
        return lease.IsAcquired;
    }

    public void Dispose() => _buckets.Dispose();
}
