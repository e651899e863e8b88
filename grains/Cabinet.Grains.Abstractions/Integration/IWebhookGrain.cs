using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.Integration;

/// <summary>
/// One organisation's webhooks (key: the organisation's id): its subscriptions, the deliveries waiting or done, and
/// each subscription's log of attempts, all bounded. Who may manage them is decided before the call (the
/// organisation's administrators); the sending is done outside the grain, so a slow receiver holds nothing here.
/// </summary>
[Alias("cabinet.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>A new subscription; its secret is in the answer and never shown again.</summary>
    Task<Result<WebhookCreated>> SubscribeAsync(WebhookSubscriptionInput input, string byUser);

    Task<ImmutableArray<WebhookSubscriptionView>> GetSubscriptionsAsync();

    Task<CommandResult> UnsubscribeAsync(string subscriptionId);

    /// <summary>Turns a subscription back on (after it was disabled by a day of failures) or off.</summary>
    Task<CommandResult> SetEnabledAsync(string subscriptionId, bool enabled);

    /// <summary>The subscription's recent deliveries (newest first) and its log of attempts (newest first).</summary>
    Task<Result<WebhookDeliveryLog>> GetLogAsync(string subscriptionId);

    /// <summary>Sends a delivery again (same id and body), whatever became of it.</summary>
    Task<CommandResult> ReplayAsync(string subscriptionId, string deliveryId);

    /// <summary>One delivery per enabled subscription that chose the event's type (once per event).</summary>
    Task EnqueueAsync(IntegrationEvent e);

    /// <summary>Deliveries due now, each leased to the caller for a while so another host does not send it too.</summary>
    Task<ImmutableArray<WebhookSend>> TakeDueAsync(int max);

    /// <summary>How the attempt ended: delivered, or the next try per the back-off (or given up after the retry period).</summary>
    Task ReportAsync(string deliveryId, int attempt, WebhookAttemptResult result);
}
