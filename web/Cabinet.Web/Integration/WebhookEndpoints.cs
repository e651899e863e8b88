using Cabinet.Integration;
using Cabinet.Web.Administration;
using Cabinet.Web.Api;
using Cabinet.Web.Identity;

namespace Cabinet.Web.Integration;

/// <summary>
/// The admin API for an organisation's webhooks: subscriptions (the secret is in the creation's answer only), each
/// subscription's deliveries and attempts, a replay, switching one off and on. Administrators of the organisation only.
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/admin/organizations/{organizationId}/webhooks").ForAdministrators().DisableAntiforgery();
        webhooks.MapGet("", async (string organizationId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.SubscriptionsAsync(http, organizationId), list => Results.Json(new { events = IntegrationEventTypes.All, subscriptions = list })));
        webhooks.MapPost("", async (string organizationId, WebhookSubscriptionInput? input, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.SubscribeAsync(http, organizationId, input), created => Results.Json(created, statusCode: StatusCodes.Status201Created)));
        webhooks.MapDelete("/{subscriptionId}", async (string organizationId, string subscriptionId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.UnsubscribeAsync(http, organizationId, subscriptionId), () => Results.NoContent()));
        foreach (var (action, enabled) in new[] { ("enable", true), ("disable", false) })
        {
            webhooks.MapPost($"/{{subscriptionId}}/{action}", async (string organizationId, string subscriptionId, HttpContext http, WebhookAdministration admin) =>
                ApiProblem.Of(await admin.SetEnabledAsync(http, organizationId, subscriptionId, enabled), () => Results.NoContent()));
        }

        webhooks.MapGet("/{subscriptionId}/deliveries", async (string organizationId, string subscriptionId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.LogAsync(http, organizationId, subscriptionId), log => Results.Json(log)));
        webhooks.MapPost("/{subscriptionId}/deliveries/{deliveryId}/replay", async (string organizationId, string subscriptionId, string deliveryId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.ReplayAsync(http, organizationId, subscriptionId, deliveryId), () => Results.Accepted()));
        return app;
    }
}
