namespace Cabinet.Hub.Feeds;

/// <summary>What a feed's <c>ListenAsync</c> returns: disposing it stops the listening, once however often it is disposed.</summary>
internal sealed class Subscription(Func<Task> dispose) : IAsyncDisposable
{
    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await dispose();
        }
    }
}
