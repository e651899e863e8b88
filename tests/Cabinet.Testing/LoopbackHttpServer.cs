using System.Net;

namespace Cabinet.Testing;

/// <summary>A small HTTP server for test doubles (a TSA, a signing service): one request at a time, answered by a function.</summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _answer;
    private readonly Task _serving;

    /// <param name="origin">e.g. http://127.0.0.1:port</param>
    public LoopbackHttpServer(string origin, Func<HttpListenerContext, Task> answer)
    {
        _answer = answer;
        _listener.Prefixes.Add(origin.TrimEnd('/') + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await _answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // the client went away
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
