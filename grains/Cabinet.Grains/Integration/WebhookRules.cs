using System.Collections.Immutable;
using System.Net;
using Cabinet.Errors;

namespace Cabinet.Integration;

/// <summary>What a subscription must be: a receiver Cabinet may call, and events it knows.</summary>
internal static class WebhookRules
{
    public const int MaxSubscriptions = 10;
    public const int MaxUrl = 500;
    public const int MaxDescription = 200;

    /// <summary>Waiting deliveries per subscription; past this a receiver down for long loses its oldest (marked dropped).</summary>
    public const int MaxPending = 500;

    public static CabinetError? Check(WebhookSubscriptionInput? input, bool allowHttp) =>
        input is null || !IsReceiver(input.Url, allowHttp) ? ErrorCodes.WebhookUrlInvalid
        : input.Events.IsDefaultOrEmpty || input.Events.Any(e => !IntegrationEventTypes.All.Contains(e)) ? ErrorCodes.WebhookEventsInvalid
        : (input.Description?.Length ?? 0) > MaxDescription ? ErrorCodes.Invalid($"Mô tả tối đa {MaxDescription} ký tự.")
        : null;

    /// <summary>https anywhere; http only to this machine (tests, a local relay) unless configured.</summary>
    public static bool IsReceiver(string? url, bool allowHttp) =>
        url is { Length: > 0 and <= MaxUrl }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (allowHttp || IsLoopback(uri))));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static ImmutableArray<string> Normalized(ImmutableArray<string> events) =>
        [.. IntegrationEventTypes.All.Where(events.Contains)];
}
