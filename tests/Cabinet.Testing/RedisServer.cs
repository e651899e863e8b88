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
        var process = ChildProcess.StartWatched(redis);
        await process.WaitForTcpAsync("redis-server", port, async stream =>
        {
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            return await stream.ReadAsync(buffer) > 0 && buffer[0] == (byte)'+';
        });
        return new RedisServer(process, port, folder);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync();
    }
}
