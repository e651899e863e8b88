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
    private const string Tag = "Webhooks";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/admin/organizations/{organizationId}/webhooks").ForAdministrators().DisableAntiforgery();
        webhooks.MapGet("", async (string organizationId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.SubscriptionsAsync(http, organizationId), list => Results.Json(new { events = IntegrationEventTypes.All, subscriptions = list })))
            .WithTags(Tag).WithSummary("The organisation's webhook subscriptions and the events they may name").ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapPost("", async (string organizationId, WebhookSubscriptionInput? input, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.SubscribeAsync(http, organizationId, input), created => Results.Json(created, statusCode: StatusCodes.Status201Created)))
            .WithTags(Tag).WithSummary("Subscribes a receiver; the answer holds its secret, shown only here").ProducesProblem(StatusCodes.Status400BadRequest);
        webhooks.MapDelete("/{subscriptionId}", async (string organizationId, string subscriptionId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.UnsubscribeAsync(http, organizationId, subscriptionId), () => Results.NoContent()))
            .WithTags(Tag).WithSummary("Removes a subscription").ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var (action, enabled) in new[] { ("enable", true), ("disable", false) })
        {
            webhooks.MapPost($"/{{subscriptionId}}/{action}", async (string organizationId, string subscriptionId, HttpContext http, WebhookAdministration admin) =>
                ApiProblem.Of(await admin.SetEnabledAsync(http, organizationId, subscriptionId, enabled), () => Results.NoContent()))
                .WithTags(Tag).WithSummary(enabled ? "Turns a subscription on" : "Turns a subscription off").ProducesProblem(StatusCodes.Status404NotFound);
        }

        webhooks.MapGet("/{subscriptionId}/deliveries", async (string organizationId, string subscriptionId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.LogAsync(http, organizationId, subscriptionId), log => Results.Json(log)))
            .WithTags(Tag).WithSummary("A subscription's deliveries and their attempts (bounded)").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{subscriptionId}/deliveries/{deliveryId}/replay", async (string organizationId, string subscriptionId, string deliveryId, HttpContext http, WebhookAdministration admin) =>
            ApiProblem.Of(await admin.ReplayAsync(http, organizationId, subscriptionId, deliveryId), () => Results.Accepted()))
            .WithTags(Tag).WithSummary("Sends one delivery again, with the same id and body").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
