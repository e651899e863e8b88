using Cabinet.Errors;

namespace Cabinet.Web.Api;

/// <summary>
/// The framework's own answers on <c>/api</c> paths — an authentication challenge, an authorization refusal, a body
/// that does not bind, an address nothing is mapped to — become problems too, with the code each one means. Pages
/// keep their HTML answers.
/// </summary>
public static class ApiStatusProblems
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // A body that does not bind answers 400 (then a problem below) rather than an exception page in Development.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        return services;
    }

    public static IApplicationBuilder UseApiStatusProblems(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => ApiProblem.WriteAsync(context.HttpContext, ErrorOf(context.HttpContext.Response.StatusCode))));

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static CabinetError ErrorOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ErrorCodes.NotSignedIn,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.ApiNotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        _ => ErrorCodes.InvalidInput,
    };
}
