using System.Collections.Immutable;
using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Integration;
using Cabinet.Web.Administration;

namespace Cabinet.Web.Integration;

/// <summary>
/// An organisation's webhooks, for the admin API and the /admin page alike: only its administrators (and those of the
/// organisations above it) manage them; every change is written to the audit log.
/// </summary>
public sealed class WebhookAdministration(IGrainFactory grains, OrganizationTree tree, AuditTrail audit)
{
    public async Task<Result<WebhookCreated>> SubscribeAsync(HttpContext http, string organizationId, WebhookSubscriptionInput? input)
    {
        if (await AdministratorAsync(http, organizationId) is not { } actor)
        {
            return Result<WebhookCreated>.Refused(ErrorCodes.NotAdministratorOf);
        }

        var created = await Webhooks(organizationId).SubscribeAsync(input ?? new(null, []), actor.UserName);
        if (created.Ok)
        {
            await audit.RecordAsync(http, AuditKinds.WebhookChanged, $"{organizationId}: {created.Value!.Subscription.Id} created for {created.Value.Subscription.Url}");
        }

        return created;
    }

    public async Task<Result<ImmutableArray<WebhookSubscriptionView>>> SubscriptionsAsync(HttpContext http, string organizationId) =>
        await AdministratorAsync(http, organizationId) is null
            ? Result<ImmutableArray<WebhookSubscriptionView>>.Refused(ErrorCodes.NotAdministratorOf)
            : Result<ImmutableArray<WebhookSubscriptionView>>.Of(await Webhooks(organizationId).GetSubscriptionsAsync());

    public Task<CommandResult> UnsubscribeAsync(HttpContext http, string organizationId, string subscriptionId) =>
        ChangeAsync(http, organizationId, $"{subscriptionId} removed", w => w.UnsubscribeAsync(subscriptionId));

    public Task<CommandResult> SetEnabledAsync(HttpContext http, string organizationId, string subscriptionId, bool enabled) =>
        ChangeAsync(http, organizationId, $"{subscriptionId} {(enabled ? "enabled" : "disabled")}", w => w.SetEnabledAsync(subscriptionId, enabled));

    public Task<CommandResult> ReplayAsync(HttpContext http, string organizationId, string subscriptionId, string deliveryId) =>
        ChangeAsync(http, organizationId, $"{subscriptionId}: {deliveryId} replayed", w => w.ReplayAsync(subscriptionId, deliveryId));

    public async Task<Result<WebhookDeliveryLog>> LogAsync(HttpContext http, string organizationId, string subscriptionId) =>
        await AdministratorAsync(http, organizationId) is null
            ? Result<WebhookDeliveryLog>.Refused(ErrorCodes.NotAdministratorOf)
            : await Webhooks(organizationId).GetLogAsync(subscriptionId);

    private async Task<CommandResult> ChangeAsync(HttpContext http, string organizationId, string detail, Func<IWebhookGrain, Task<CommandResult>> change)
    {
        if (await AdministratorAsync(http, organizationId) is null)
        {
            return CommandResult.Refused(ErrorCodes.NotAdministratorOf);
        }

        var done = await change(Webhooks(organizationId));
        if (done.Ok)
        {
            await audit.RecordAsync(http, AuditKinds.WebhookChanged, $"{organizationId}: {detail}");
        }

        return done;
    }

    private IWebhookGrain Webhooks(string organizationId) => grains.GetGrain<IWebhookGrain>(organizationId);

    private async Task<People.Actor?> AdministratorAsync(HttpContext http, string organizationId) =>
        CabinetClaims.ToActor(http.User) is { } actor && await tree.AdministersAsync(actor, organizationId) ? actor : null;
}
