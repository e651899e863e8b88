namespace Cabinet.Web.Localization;

/// <summary>
/// A browser asking for a page that does not exist gets the localised not-found page (status kept, 404); API calls,
/// the hub and form posts keep their plain status answers (API paths answer problems, <see cref="Api.ApiStatusProblems"/>).
/// </summary>
public static class NotFoundPages
{
    public const string Path = "/not-found";

    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app) =>
        app.UseWhen(IsPageRequest, page => page.UseStatusCodePagesWithReExecute(Path, createScopeForStatusCodePages: true));

    private static bool IsPageRequest(HttpContext http) =>
        !Api.ApiStatusProblems.IsApi(http) && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
