namespace Cabinet.Integration;

/// <param name="StatusCode">The receiver's HTTP status; null when there was no answer (timeout, refused connection).</param>
/// <param name="Error">A short reason when it failed (bounded).</param>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-attempt-result")]
public sealed record WebhookAttemptResult(bool Delivered, int? StatusCode, string? Error)
{
    /// <summary>Standard Webhooks: any 2xx is a success.</summary>
    public static WebhookAttemptResult Of(int statusCode) =>
        new(statusCode is >= 200 and < 300, statusCode, statusCode is >= 200 and < 300 ? null : $"HTTP {statusCode}");
}
