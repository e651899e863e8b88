using System.Globalization;
using System.Text;
using Cabinet.Closing;
using Cabinet.Integration;

namespace Cabinet.Web.Integration;

/// <summary>
/// Drains the integration outbox and sends the deliveries that are due, on every host (each delivery is leased to one
/// at a time by its organisation's webhook grain). Each attempt has its own timeout, and no meeting command waits for
/// any of this: a slow or dead receiver only slows its own deliveries.
/// </summary>
public sealed partial class WebhookDispatcher(
    IGrainFactory grains, IHttpClientFactory clients, WebhookSettings settings, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    /// <summary>Per organisation and round: a backlog drains over a few rounds rather than in one burst.</summary>
    private const int MaxPerRound = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.PollSeconds), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        var organizations = await grains.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key).DrainAsync();
        var sending = new List<Task>();
        foreach (var organizationId in organizations)
        {
            var webhooks = grains.GetGrain<IWebhookGrain>(organizationId);
            foreach (var send in await webhooks.TakeDueAsync(MaxPerRound))
            {
                sending.Add(SendAsync(webhooks, send, cancellationToken));
            }
        }

        await Task.WhenAll(sending);
    }

    private async Task SendAsync(IWebhookGrain webhooks, WebhookSend send, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, send.Url) { Content = new StringContent(send.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", send.DeliveryId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(send.Secret, send.DeliveryId, timestamp, send.Body));
        WebhookAttemptResult result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            result = WebhookAttemptResult.Of((int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = new(false, null, $"No answer within {settings.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            result = new(false, null, ex.HttpRequestError.ToString());
        }

        await webhooks.ReportAsync(send.DeliveryId, send.Attempt, result);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook round failed; the next round retries")]
    private partial void LogRoundFailed(Exception exception);
}
