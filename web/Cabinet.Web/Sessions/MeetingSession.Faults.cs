using Cabinet.Errors;
using Microsoft.Extensions.Logging;

namespace Cabinet.Web.Sessions;

/// <summary>
/// A grain call that faults (a timeout, a silo going away, a storage exception) answers the page with
/// <see cref="ErrorCodes.ServerFault"/> instead of ending the person's circuit: the page shows the message and stays
/// usable, and the next event or catch-up shows what really happened. Refusals are results and pass through.
/// </summary>
public sealed partial class MeetingSession
{
    private async Task<CommandResult> Guarded(Func<Task<CommandResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFault(ex, Snapshot?.MeetingId);
            return CommandResult.Refused(ErrorCodes.ServerFault, Snapshot?.Version ?? 0);
        }
    }

    private async Task<Result<T>> Guarded<T>(Func<Task<Result<T>>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFault(ex, Snapshot?.MeetingId);
            return Result<T>.Refused(ErrorCodes.ServerFault);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A grain call from the meeting page of {MeetingId} failed")]
    private partial void LogFault(Exception exception, string? meetingId);
}
