namespace Cabinet.Web.Api;

/// <summary>The REST API v1 (README "Integration"): everything under <see cref="Prefix"/>, described at /openapi/v1.json.</summary>
public static class ApiV1
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        app.MapTokenEndpoint();
        var api = app.MapGroup(Prefix).ForApiCallers().DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapClientEndpoints();
        api.MapPeopleResources();
        api.MapMeetingResources();
        api.MapOpinionResources();
        return app;
    }
}
