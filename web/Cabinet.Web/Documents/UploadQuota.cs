using System.Threading.RateLimiting;
using Cabinet.Hub.Limits;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Documents;

/// <summary>How many uploads and how many megabytes one person may send in an hour (sliding), for every upload path.</summary>
public sealed class UploadQuota(IOptions<RateLimitOptions> options) : IDisposable
{
    private const int KiB = 1024;

    private readonly PartitionedRateLimiter<string> _uploads = Hourly(options.Value.UploadsPerHour);
    private readonly PartitionedRateLimiter<string> _kilobytes = Hourly(checked(options.Value.UploadMegabytesPerHour * 1024));
    private readonly int _maxKilobytes = checked(options.Value.UploadMegabytesPerHour * 1024);

    /// <summary>Counts one upload before its body is read; false when the person has sent too many this hour.</summary>
    public bool TryStart(string userName)
    {
        using var lease = _uploads.AttemptAcquire(userName);
        return lease.IsAcquired;
    }

    /// <summary>Counts the bytes of an upload that was read; false when they pass the person's hourly volume.</summary>
    public bool TryTake(string userName, long bytes)
    {
        var kilobytes = (int)Math.Min(_maxKilobytes, Math.Max(1, (bytes + KiB - 1) / KiB));
        using var lease = _kilobytes.AttemptAcquire(userName, kilobytes);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _uploads.Dispose();
        _kilobytes.Dispose();
    }

    private static PartitionedRateLimiter<string> Hourly(int permits) => PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetSlidingWindowLimiter(user, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = 12,
            QueueLimit = 0,
        }));
}
