using System.Collections.Immutable;
using System.Security.Claims;
using System.Threading.Channels;
using Cabinet.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cabinet.Audit;

/// <summary>
/// Where this host reports security events. Requests do not wait for the audit log: records queue here (bounded; a
/// full queue makes the reporter wait rather than lose one) and are appended in batches, in order, by one loop. A
/// record still queued when the process dies is lost — the window is a few milliseconds of a busy host.
/// </summary>
public sealed partial class AuditTrail(IGrainFactory grains, ILogger<AuditTrail> logger) : BackgroundService
{
    private const int MaxBatch = 200;
    private readonly Channel<AuditRecord> _queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public ValueTask RecordAsync(AuditRecord record) => _queue.Writer.WriteAsync(record);

    /// <summary>An event of a request: the client address and user agent come from it; the actor from the signed-in user unless named.</summary>
    public ValueTask RecordAsync(HttpContext http, string kind, string detail, string? actor = null, string? organization = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var who = CabinetClaims.ToActor(http.User);
        return RecordAsync(new AuditRecord(kind, actor ?? who?.UserName ?? "", organization ?? who?.OrganizationId ?? "",
            http.Connection.RemoteIpAddress?.ToString() ?? "", http.Request.Headers.UserAgent.ToString(), detail));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var log = grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key);
        var batch = new List<AuditRecord>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await log.AppendAsync([.. batch]);
                    break;
                }
                catch (Exception ex) when (attempt < 10 && ex is not OperationCanceledException)
                {
                    LogRetry(ex, batch.Count, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None);
                }
                catch (Exception ex)
                {
                    LogLost(ex, batch.Count);
                    break;
                }
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending {Count} audit records failed (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} audit records could not be appended and are lost")]
    private partial void LogLost(Exception exception, int count);
}
