using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cabinet.Closing;

/// <summary>At start-up, resumes the sealing of meetings that were closed but not sealed when a host stopped.</summary>
public sealed partial class SealRecovery(IGrainFactory grains, ILogger<SealRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var meetingId in await grains.GetGrain<ISealQueueGrain>(ISealQueueGrain.Key).GetPendingAsync())
            {
                LogResuming(meetingId);
                await grains.GetGrain<Meetings.IMeetingGrain>(meetingId).ResumeSealingAsync();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming the sealing of meeting {MeetingId}")]
    private partial void LogResuming(string meetingId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resuming unsealed meetings failed; they resume when next activated")]
    private partial void LogFailed(Exception exception);
}
