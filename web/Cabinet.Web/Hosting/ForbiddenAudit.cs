using Cabinet.Audit;

namespace Cabinet.Web.Hosting;

/// <summary>Every request answered 403 (a refused authorisation, whatever endpoint refused it) is written to the audit log.</summary>
public static class ForbiddenAudit
{
    public static IApplicationBuilder UseForbiddenAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
        {
            await context.RequestServices.GetRequiredService<AuditTrail>()
                .RecordAsync(context, AuditKinds.Forbidden, $"{context.Request.Method} {context.Request.Path}");
        }
    });
}
