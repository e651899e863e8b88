using Cabinet.Audit;
using Cabinet.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Identity;

/// <summary>
/// A hub connection outlives the request that opened it. Each call checks that its session is still open (not ended
/// by sign-out, a password change, a disabled account or idleness): a call on an ended one is answered
/// <c>auth.not_signed_in</c> and the connection is then closed. A connection that only listens is checked every
/// <see cref="WatchEvery"/>, so pushes stop too. A refusal for lack of rights is written to the audit log.
/// </summary>
public sealed class SessionGuardFilter(SessionCheck sessions, AuditTrail audit) : IHubFilter
{
    public static readonly TimeSpan WatchEvery = TimeSpan.FromSeconds(30);

    // Long enough for the refusal to be sent before the connection closes.
    private static readonly TimeSpan CloseAfterRefusal = TimeSpan.FromMilliseconds(500);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var connection = invocationContext.Context;
        if (!await sessions.IsAliveAsync(connection.User))
        {
            _ = Task.Delay(CloseAfterRefusal, CancellationToken.None).ContinueWith(_ => connection.Abort(), TaskScheduler.Default);
            return Hub.HubRefusals.For(invocationContext.HubMethod, ErrorCodes.NotSignedIn);
        }

        var result = await next(invocationContext);
        if (Hub.HubRefusals.ErrorOf(result)?.Code == ErrorCodes.Forbidden.Code && connection.GetHttpContext() is { } http)
        {
            var target = invocationContext.HubMethodArguments.FirstOrDefault() as string;
            await audit.RecordAsync(http, AuditKinds.Forbidden, $"hub {invocationContext.HubMethodName} {target}".TrimEnd());
        }

        return result;
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        _ = WatchAsync(context.Context);
    }

    private async Task WatchAsync(HubCallerContext connection)
    {
        using var timer = new PeriodicTimer(WatchEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.ConnectionAborted))
            {
                if (!await IsAliveOrUnknownAsync(connection))
                {
                    connection.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the connection closed
        }
    }

    /// <summary>A failed check (the grain unreachable for a moment) does not close the connection; the next tick asks again.</summary>
    private async Task<bool> IsAliveOrUnknownAsync(HubCallerContext connection)
    {
        try
        {
            return await sessions.IsAliveAsync(connection.User);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return true;
        }
    }
}
