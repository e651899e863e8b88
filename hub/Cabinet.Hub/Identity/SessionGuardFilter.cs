using System.Collections.Concurrent;
using Cabinet.Audit;
using Cabinet.Errors;
using Microsoft.AspNetCore.SignalR;
using Cabinet.Hub.Feeds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cabinet.Identity;

/// <summary>
/// A hub connection outlives the request that opened it. Each call checks that its session is still open (not ended
/// by sign-out, a password change, a disabled account or idleness): a call on an ended one is answered
/// <c>auth.not_signed_in</c> and the connection is then closed. Connections that only listen are swept every
/// <see cref="LiveOptions.SessionSweepSeconds"/> by one loop per host, so pushes stop too; one loop rather than a
/// timer per connection, which a thousand-screen meeting paid for in memory. A refusal for lack of rights is
/// written to the audit log.
/// </summary>
public sealed class SessionGuardFilter(SessionCheck sessions, AuditTrail audit, IOptions<LiveOptions> options) : BackgroundService, IHubFilter
{
    // Long enough for the refusal to be sent before the connection closes.
    private static readonly TimeSpan CloseAfterRefusal = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

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
        _connections[context.Context.ConnectionId] = context.Context;
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>
    /// Each second one slice of the connections is checked (by a hash of the connection id), so every connection is
    /// checked once per period and the work is spread over it, never a burst of thousands of checks at one moment.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slices = (uint)options.Value.SessionSweepSeconds;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            for (var tick = 0u; await timer.WaitForNextTickAsync(stoppingToken); tick = (tick + 1) % slices)
            {
                var slice = tick;
                var due = _connections.Where(c => (uint)c.Key.GetHashCode(StringComparison.Ordinal) % slices == slice).Select(c => c.Value);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken },
                    async (connection, _) =>
                    {
                        if (!connection.ConnectionAborted.IsCancellationRequested && !await IsAliveOrUnknownAsync(connection))
                        {
                            connection.Abort();
                        }
                    });
            }
        }
        catch (OperationCanceledException)
        {
            // the host is stopping
        }
    }

    /// <summary>A failed check (the grain unreachable for a moment) does not close the connection; the next sweep asks again.</summary>
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
