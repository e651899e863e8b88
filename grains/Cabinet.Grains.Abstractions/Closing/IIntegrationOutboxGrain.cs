using System.Collections.Immutable;
using Cabinet.Integration;

namespace Cabinet.Closing;

/// <summary>
/// Events waiting to be handed to the organisations' webhooks (one per installation, key <see cref="Key"/>).
/// Idempotent by event id. The webhook dispatcher drains it: each event becomes one delivery per matching subscription.
/// </summary>
[Alias("cabinet.IIntegrationOutboxGrain")]
public interface IIntegrationOutboxGrain : IGrainWithStringKey
{
    const string Key = "outbox";

    Task AddAsync(IntegrationEvent e);

    /// <summary>Hands every waiting event to its organisation's webhooks; answers the organisations that have subscriptions.</summary>
    Task<ImmutableArray<string>> DrainAsync();

    /// <summary>Whether <paramref name="organizationId"/> has subscriptions (its webhook grain says so when that changes).</summary>
    Task SetSubscribedAsync(string organizationId, bool subscribed);
}
