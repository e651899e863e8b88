using Cabinet.Records.Archive;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Archive;

/// <summary>
/// The /verify page's gate: a size limit, a host-wide number of checks at once (one more is told "busy" at once,
/// never queued), and a time budget per check. Whatever the upload holds, the answer is an outcome, not an exception.
/// </summary>
public sealed partial class ArchiveCheckLimiter(IOptions<VerifyOptions> options, ILogger<ArchiveCheckLimiter> logger) : IDisposable
{
    private readonly VerifyOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentChecks, options.Value.MaxConcurrentChecks);

    public long MaxArchiveBytes => _options.MaxArchiveBytes;

    /// <param name="size">The size the browser declares.</param>
    /// <param name="open">Opens the upload, refusing to read more than the given number of bytes.</param>
    public async Task<ArchiveCheckOutcome> CheckAsync(long size, Func<long, Stream> open, string trustedRootPem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (size > _options.MaxArchiveBytes)
        {
            return TooLarge();
        }

        if (!_slots.Wait(0))
        {
            return ArchiveCheckOutcome.Refused("Máy chủ đang bận kiểm tra các hồ sơ khác. Vui lòng thử lại sau ít phút.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(_options.TimeBudgetSeconds));
        try
        {
            using var copy = new MemoryStream();
            await using (var upload = open(_options.MaxArchiveBytes))
            {
                await upload.CopyToAsync(copy, deadline.Token);
            }

            copy.Position = 0;
            // Off the circuit's thread: the check is CPU work, and the page keeps showing "Đang kiểm tra…".
            var report = await Task.Run(() => ArchiveVerification.Verify(copy, trustedRootPem, deadline.Token), CancellationToken.None);
            return ArchiveCheckOutcome.Checked(report);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return cancellationToken.IsCancellationRequested
                ? ArchiveCheckOutcome.Refused("Đã dừng kiểm tra.")
                : ArchiveCheckOutcome.Refused("Quá {0} giây mà tệp chưa tải lên xong nên việc kiểm tra đã dừng. Vui lòng thử lại.", _options.TimeBudgetSeconds);
        }
        catch (IOException e)
        {
            return e.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase) ? TooLarge() : ArchiveCheckOutcome.Refused("Không đọc được tệp tải lên.");
        }
#pragma warning disable CA1031 // The page's boundary: whatever goes wrong with one upload must not end the visitor's circuit or the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogCheckFailed(logger, e);
            return ArchiveCheckOutcome.Refused("Không kiểm tra được tệp này do lỗi không mong đợi.");
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private ArchiveCheckOutcome TooLarge() => ArchiveCheckOutcome.Refused(
        "Tệp quá lớn: trang này chỉ kiểm tra hồ sơ đến {0} MB. Hãy dùng lệnh \"verify\" trên máy chủ cho tệp lớn hơn.", _options.MaxArchiveBytes / (1024 * 1024));

    [LoggerMessage(Level = LogLevel.Warning, Message = "An archive check on the verify page failed unexpectedly")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
