using Cabinet.Audit;
using Cabinet.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Identity;

/// <summary>
/// A hub connection outlives the request that opened it: each call checks that its session is still open (ended by
/// sign-out, a password change, a disabled account or idleness), and a call on an ended one is refused with
/// <c>auth.not_signed_in</c> and closes the connection. A refusal for lack of rights is written to the audit log.
/// </summary>
public sealed class SessionGuardFilter(SessionCheck sessions, AuditTrail audit) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!await sessions.IsAliveAsync(invocationContext.Context.User))
        {
            invocationContext.Context.Abort();
            return Hub.HubRefusals.For(invocationContext.HubMethod, ErrorCodes.NotSignedIn);
        }

        var result = await next(invocationContext);
        if (Hub.HubRefusals.ErrorOf(result)?.Code == ErrorCodes.Forbidden.Code && invocationContext.Context.GetHttpContext() is { } http)
        {
            var target = invocationContext.HubMethodArguments.FirstOrDefault() as string;
            await audit.RecordAsync(http, AuditKinds.Forbidden, $"hub {invocationContext.HubMethodName} {target}".TrimEnd());
        }

        return result;
    }
}
