using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Cabinet.Hub;

/// <summary>
/// Turns an unexpected server fault into a hub error that starts with a stable code ("server.error: …"),
/// logged with the method name, instead of SignalR's generic message. Refusals are results, not exceptions.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public const string ServerError = "server.error";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            LogFault(ex, invocationContext.HubMethodName);
            throw new HubException($"{ServerError}: Máy chủ gặp lỗi khi xử lý yêu cầu; hãy tải lại để xem trạng thái hiện tại.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private partial void LogFault(Exception exception, string method);
}
