using System.Globalization;
using System.Net.Sockets;

namespace Cabinet.Testing;

/// <summary>
/// A real redis-server on a free loopback port with append-only persistence (fsync every second), in a temporary
/// folder; it stops when disposed or when the test run that started it is gone.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _folder;

    private RedisServer(ChildProcess process, int port, string folder) => (_process, Port, _folder) = (process, port, folder);

    public int Port { get; }

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public static string Executable => Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "/usr/bin/redis-server";

    public static Task<RedisServer> StartAsync() => StartAsync(FreePort.Next(), RepositoryPaths.NewTempFolder("redis"));

    /// <summary>Shuts Redis down cleanly (the append-only file is flushed), as an operator or a failing machine would stop it.</summary>
    public async Task StopAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            await client.GetStream().WriteAsync("SHUTDOWN\r\n"u8.ToArray());
        }
        catch (SocketException)
        {
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        _process.Kill();
    }

    /// <summary>Starts Redis again on the same port and data folder, after <see cref="StopAsync"/>: the same server, back.</summary>
    public Task<RedisServer> StartAgainAsync() => StartAsync(Port, _folder);

    private static async Task<RedisServer> StartAsync(int port, string folder)
    {
        var redis = string.Join(' ',
            Executable, "--port", port, "--bind", "127.0.0.1", "--dir", folder, "--appendonly", "yes",
            "--appendfsync", "everysec", "--save", "''", "--protected-mode", "no");
        // The shell watches the test process and stops Redis with it, so no server outlives a crashed test run.
        var script = $"{redis} & R=$!; while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $R 2>/dev/null; do sleep 1; done; kill $R 2>/dev/null";
        var process = ChildProcess.Start("/bin/sh", ["-c", script]);
        var server = new RedisServer(process, port, folder);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("redis-server did not start:\n" + _process.Output);
    }
}
