using System.Reflection;
using Cabinet.Errors;
using Cabinet.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Hub.Limits;

/// <summary>
/// Applies the per-person limits to every hub connection and command. A command over the rate is answered with
/// <c>rate.limited</c> in the method's own result type and changes nothing; the connection stays open.
/// </summary>
public sealed class HubRateLimitFilter(CommandLimiter commands, ConnectionQuota connections) : IHubFilter
{
    private const string Entered = "cabinet.quota-entered";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethod;
        if (method.IsDefined(typeof(QueryAttribute)) || UserOf(invocationContext.Context) is not { } user || commands.TryAcquire(user))
        {
            return next(invocationContext);
        }

        return ValueTask.FromResult(HubRefusals.For(method, ErrorCodes.RateLimited));
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (UserOf(context.Context) is { } user)
        {
            if (!connections.TryEnter(user))
            {
                throw new HubException($"{ErrorCodes.RateLimited.Code}: Bạn đã mở quá {connections.Limit} kết nối cùng lúc; hãy đóng bớt thẻ hoặc thiết bị.");
            }

            context.Context.Items[Entered] = user;
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.TryGetValue(Entered, out var user) && user is string name)
            {
                connections.Leave(name);
            }
        }
    }

    private static string? UserOf(HubCallerContext context) => CabinetClaims.ToActor(context.User)?.UserName;
}
