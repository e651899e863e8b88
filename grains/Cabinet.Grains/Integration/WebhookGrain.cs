using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cabinet.Closing;
using Cabinet.Diagnostics;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.Integration;

public sealed class WebhookGrain(
    [PersistentState("webhooks", StorageNames.Meetings)] IPersistentState<WebhookState> state,
    WebhookSettings settings,
    RetentionSettings retention,
    TimeProvider clock) : Grain, IWebhookGrain
{
    private string OrganizationId => this.GetPrimaryKeyString();

    public async Task<Result<WebhookCreated>> SubscribeAsync(WebhookSubscriptionInput input, string byUser)
    {
        if (WebhookRules.Check(input, settings.AllowHttp) is { } invalid)
        {
            return Result<WebhookCreated>.Refused(invalid);
        }

        if (state.State.Subscriptions.Length >= WebhookRules.MaxSubscriptions)
        {
            return Result<WebhookCreated>.Refused(ErrorCodes.WebhooksFull);
        }

        var subscription = new WebhookSubscription(
            "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), input.Url!, "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            WebhookRules.Normalized(input.Events), string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            Enabled: true, DisabledReason: null, clock.GetUtcNow(), byUser, FailingSince: null);
        await SaveAsync(state.State with { Subscriptions = state.State.Subscriptions.Add(subscription) });
        await Outbox.SetSubscribedAsync(OrganizationId, true);
        return Result<WebhookCreated>.Of(new WebhookCreated(View(subscription), subscription.Secret));
    }

    public Task<ImmutableArray<WebhookSubscriptionView>> GetSubscriptionsAsync() =>
        Task.FromResult(state.State.Subscriptions.Select(View).ToImmutableArray());

    public async Task<CommandResult> UnsubscribeAsync(string subscriptionId)
    {
        if (Find(subscriptionId) is not { } subscription)
        {
            return CommandResult.Refused(ErrorCodes.WebhookNotFound);
        }

        var s = state.State;
        await SaveAsync(s with
        {
            Subscriptions = s.Subscriptions.Remove(subscription),
            Deliveries = s.Deliveries.RemoveAll(d => d.SubscriptionId == subscriptionId),
            Attempts = s.Attempts.RemoveAll(a => a.SubscriptionId == subscriptionId),
        });
        if (state.State.Subscriptions.IsEmpty)
        {
            await Outbox.SetSubscribedAsync(OrganizationId, false);
        }

        return CommandResult.Accepted(0);
    }

    public async Task<CommandResult> SetEnabledAsync(string subscriptionId, bool enabled)
    {
        if (Find(subscriptionId) is not { } subscription)
        {
            return CommandResult.Refused(ErrorCodes.WebhookNotFound);
        }

        await SaveAsync(state.State with
        {
            Subscriptions = state.State.Subscriptions.Replace(subscription, subscription with { Enabled = enabled, DisabledReason = null, FailingSince = null }),
        });
        return CommandResult.Accepted(0);
    }

    public Task<Result<WebhookDeliveryLog>> GetLogAsync(string subscriptionId) => Task.FromResult(Find(subscriptionId) is null
        ? Result<WebhookDeliveryLog>.Refused(ErrorCodes.WebhookNotFound)
        : Result<WebhookDeliveryLog>.Of(new WebhookDeliveryLog(
            [.. state.State.Deliveries.Where(d => d.SubscriptionId == subscriptionId).Reverse().Select(d => d.ToView())],
            [.. state.State.Attempts.Where(a => a.SubscriptionId == subscriptionId).Reverse().Select(a => a.Entry)])));

    public async Task<CommandResult> ReplayAsync(string subscriptionId, string deliveryId)
    {
        if (Find(subscriptionId) is null)
        {
            return CommandResult.Refused(ErrorCodes.WebhookNotFound);
        }

        if (state.State.Deliveries.FirstOrDefault(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId) is not { } delivery)
        {
            return CommandResult.Refused(ErrorCodes.WebhookDeliveryNotFound);
        }

        // Same id and body (a receiver that kept the id knows it is the same message); a new retry period.
        var again = delivery with { Status = WebhookDelivery.Pending, NextAttemptAt = clock.GetUtcNow(), FirstAttemptAt = null, FinishedAt = null };
        await SaveAsync(state.State with { Deliveries = state.State.Deliveries.Remove(delivery).Add(again) });
        return CommandResult.Accepted(0);
    }

    public async Task EnqueueAsync(IntegrationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var now = clock.GetUtcNow();
        var deliveries = state.State.Deliveries;
        foreach (var subscription in state.State.Subscriptions.Where(s => s.Enabled && s.Events.Contains(e.Type)))
        {
            var id = DeliveryId(e.Id, subscription.Id);
            if (deliveries.Any(d => d.Id == id))
            {
                continue;
            }

            deliveries = DropOldestIfFull(deliveries, subscription.Id, now)
                .Add(new WebhookDelivery(id, subscription.Id, e.Id, e.Type, Body(e), now, WebhookDelivery.Pending, 0, now, null, null));
        }

        if (deliveries != state.State.Deliveries)
        {
            await SaveAsync(state.State with { Deliveries = deliveries });
        }
    }

    public async Task<ImmutableArray<WebhookSend>> TakeDueAsync(int max)
    {
        var now = clock.GetUtcNow();
        var enabled = state.State.Subscriptions.Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var due = state.State.Deliveries
            .Where(d => d.IsPending && d.NextAttemptAt <= now && enabled.ContainsKey(d.SubscriptionId))
            .OrderBy(d => d.NextAttemptAt).Take(Math.Clamp(max, 1, 100)).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        // Leased for longer than an attempt can take: a host that dies mid-send leaves the delivery to the next one.
        var lease = now.AddSeconds((settings.TimeoutSeconds * 3) + 5);
        var deliveries = state.State.Deliveries;
        var sends = ImmutableArray.CreateBuilder<WebhookSend>(due.Count);
        foreach (var d in due)
        {
            var taken = d with { Attempts = d.Attempts + 1, NextAttemptAt = lease, FirstAttemptAt = d.FirstAttemptAt ?? now };
            deliveries = deliveries.Replace(d, taken);
            var subscription = enabled[d.SubscriptionId];
            sends.Add(new WebhookSend(d.Id, d.SubscriptionId, taken.Attempts, subscription.Url, subscription.Secret, d.Body));
        }

        await SaveAsync(state.State with { Deliveries = deliveries });
        return sends.MoveToImmutable();
    }

    public async Task ReportAsync(string deliveryId, int attempt, WebhookAttemptResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = clock.GetUtcNow();
        if (state.State.Deliveries.FirstOrDefault(d => d.Id == deliveryId) is not { } delivery
            || Find(delivery.SubscriptionId) is not { } subscription)
        {
            return; // unsubscribed (or pruned) meanwhile
        }

        var entry = new WebhookLogEntry(deliveryId, attempt, now, result.Delivered, result.StatusCode, Bounded(result.Error));
        var s = state.State with { Attempts = state.State.Attempts.Add(new LoggedAttempt(subscription.Id, entry)) };
        var current = delivery.IsPending && delivery.Attempts == attempt;
        var retryPeriod = TimeSpan.FromHours(settings.RetryHours);
        string outcome;
        if (result.Delivered)
        {
            outcome = "delivered";
            s = s with { Subscriptions = s.Subscriptions.Replace(subscription, subscription with { FailingSince = null }) };
            if (current)
            {
                s = s with { Deliveries = s.Deliveries.Replace(delivery, delivery with { Status = WebhookDelivery.Delivered, FinishedAt = now }) };
            }
        }
        else
        {
            var givenUp = now - (delivery.FirstAttemptAt ?? now) >= retryPeriod;
            outcome = givenUp ? "given_up" : "failed";
            if (current)
            {
                s = s with
                {
                    Deliveries = s.Deliveries.Replace(delivery, givenUp
                        ? delivery with { Status = WebhookDelivery.Failed, FinishedAt = now }
                        : delivery with { NextAttemptAt = now + settings.DelayAfter(attempt) }),
                };
            }

            var failingSince = subscription.FailingSince ?? now;
            var disabled = now - failingSince >= retryPeriod;
            s = s with
            {
                Subscriptions = s.Subscriptions.Replace(subscription, subscription with
                {
                    FailingSince = failingSince,
                    Enabled = subscription.Enabled && !disabled,
                    DisabledReason = disabled ? $"Gửi không thành công liên tục {settings.RetryHours} giờ." : subscription.DisabledReason,
                }),
            };
        }

        CabinetMetrics.WebhookDelivery(outcome);
        await SaveAsync(s);
    }

    private IIntegrationOutboxGrain Outbox => GrainFactory.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key);

    private WebhookSubscription? Find(string? subscriptionId) => state.State.Subscriptions.FirstOrDefault(s => s.Id == subscriptionId);

    private WebhookSubscriptionView View(WebhookSubscription s) => new(
        s.Id, s.Url, s.Events, s.Description, s.Enabled, s.DisabledReason, s.CreatedAt, s.CreatedBy, s.FailingSince,
        state.State.Deliveries.Count(d => d.SubscriptionId == s.Id && d.IsPending));

    /// <summary>The Standard Webhooks message id: the same event to the same subscription is always the same message.</summary>
    private static string DeliveryId(string eventId, string subscriptionId) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId}\n{subscriptionId}")))[..32];

    /// <summary>The payload: <c>{"type":…,"timestamp":…,"data":{…}}</c> (the Standard Webhooks shape).</summary>
    private static string Body(IntegrationEvent e) =>
        $$"""{"type":{{JsonSerializer.Serialize(e.Type)}},"timestamp":{{JsonSerializer.Serialize(e.At)}},"data":{{e.DataJson}}}""";

    private static ImmutableArray<WebhookDelivery> DropOldestIfFull(ImmutableArray<WebhookDelivery> deliveries, string subscriptionId, DateTimeOffset now)
    {
        var pending = deliveries.Where(d => d.SubscriptionId == subscriptionId && d.IsPending).ToList();
        return pending.Count < WebhookRules.MaxPending ? deliveries
            : deliveries.Replace(pending[0], pending[0] with { Status = WebhookDelivery.Dropped, FinishedAt = now });
    }

    private static string? Bounded(string? error) => error is { Length: > 200 } ? error[..200] : error;

    /// <summary>Every write keeps the log bounded: finished deliveries and attempts past their age or count go.</summary>
    private Task SaveAsync(WebhookState next)
    {
        var oldest = clock.GetUtcNow().AddDays(-retention.WebhookDeliveryDays);
        var keep = retention.WebhookLogEntries;
        var beyondCount = next.Deliveries.Where(d => !d.IsPending).GroupBy(d => d.SubscriptionId)
            .SelectMany(g => g.SkipLast(keep)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var attemptsBeyond = next.Attempts.GroupBy(a => a.SubscriptionId).SelectMany(g => g.SkipLast(keep)).ToHashSet();
        state.State = next with
        {
            Deliveries = next.Deliveries.RemoveAll(d => !d.IsPending && (d.FinishedAt < oldest || beyondCount.Contains(d.Id))),
            Attempts = next.Attempts.RemoveAll(a => a.Entry.At < oldest || attemptsBeyond.Contains(a)),
        };
        return state.WriteStateAsync();
    }
}
