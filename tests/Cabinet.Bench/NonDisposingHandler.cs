namespace Cabinet.Bench;

/// <summary>
/// Lets every hub connection use one shared handler for its negotiate requests: a connection disposes the handler
/// it was given, so it gets this thin wrapper instead of the shared one.
/// </summary>
internal sealed class NonDisposingHandler(HttpMessageInvoker shared) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        shared.SendAsync(request, cancellationToken);
}
