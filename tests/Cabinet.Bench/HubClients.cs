using System.Text.Json;
using Cabinet.Hub;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Cabinet.Bench;

/// <summary>
/// Opens the simulated screens: each its own HubConnection over a WebSocket, all sharing one handler for the
/// negotiate requests. Every attempt and wait is bounded; a screen that cannot connect is reported, not retried forever.
/// </summary>
public sealed class HubClients : IDisposable
{
    private const int Attempts = 3;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The hub's JSON settings, one instance for every screen. With an instance each (SignalR's default), each of 3,000
    /// screens built its own metadata for every type the first time it received one: reflection in the harness,
    /// on the cores the server is measured on, inside the vote burst (the first receipt of 2,700 screens).
    /// </summary>
    public static JsonSerializerOptions Payload { get; } = CreatePayload();

    private readonly HttpMessageInvoker _negotiate = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });

    /// <summary>Connects, then runs <paramref name="join"/>; null (and a recorded failure) if either fails.</summary>
    public async Task<BenchClient?> ConnectAsync(Uri hub, BenchAccount? account, Func<BenchClient, Task<bool>> join, Failures failures)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var client = new BenchClient(Build(hub, account?.Token), account);
            try
            {
                using var timeout = new CancellationTokenSource(ConnectTimeout);
                await client.Connection.StartAsync(timeout.Token);
                return await join(client).WaitAsync(JoinTimeout) ? client : await FailAsync(client);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException or HubException
                or InvalidOperationException or System.Net.WebSockets.WebSocketException)
            {
                await client.DisposeAsync();
                if (attempt == Attempts)
                {
                    failures.Add(Failures.ConnectFailed, $"{account?.UserName ?? "baseline"}: {ex.GetType().Name} {ex.Message}");
                }
            }
        }

        return null;
    }

    /// <summary>Connects every account with at most <paramref name="parallel"/> connections opening at once.</summary>
    public async Task<List<BenchClient>> ConnectAllAsync(
        Uri hub, IReadOnlyList<BenchAccount?> accounts, Func<BenchClient, Task<bool>> join, Failures failures, int parallel = 32)
    {
        using var gate = new SemaphoreSlim(parallel);
        var clients = await Task.WhenAll(accounts.Select(async account =>
        {
            await gate.WaitAsync();
            try
            {
                return await ConnectAsync(hub, account, join, failures);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. clients.OfType<BenchClient>()];
    }

    public static async Task DisposeAllAsync(IEnumerable<BenchClient> clients)
    {
        foreach (var chunk in clients.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask())).WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public void Dispose() => _negotiate.Dispose();

    private static async Task<BenchClient?> FailAsync(BenchClient client)
    {
        await client.DisposeAsync();
        return null;
    }

    private HubConnection Build(Uri hub, string? token) => new HubConnectionBuilder()
        .WithUrl(hub, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.HttpMessageHandlerFactory = _ => new NonDisposingHandler(_negotiate);
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions = Payload)
        .WithServerTimeout(TimeSpan.FromMinutes(3))
        .WithKeepAliveInterval(TimeSpan.FromSeconds(15))
        .Build();

    private static JsonSerializerOptions CreatePayload()
    {
        var json = new JsonSerializerOptions();
        HubJson.Configure(json);
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }
}
