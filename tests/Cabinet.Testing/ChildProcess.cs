using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cabinet.Testing;

/// <summary>A server process started by a test, with its output kept for diagnostics.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join(Environment.NewLine, _output);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Starts <paramref name="command"/> under a shell that watches the test process and stops the command with it, so no
    /// server outlives a crashed test run.
    /// </summary>
    public static ChildProcess StartWatched(string command) => Start("/bin/sh", ["-c",
        $"{command} & C=$!; while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $C 2>/dev/null; do sleep 1; done; kill $C 2>/dev/null"]);

    /// <summary>
    /// Waits until a TCP server on loopback <paramref name="port"/> takes a connection and <paramref name="greets"/> holds
    /// of the connection (e.g. it answered a PING); throws with the output after 20 seconds.
    /// </summary>
    public async Task WaitForTcpAsync(string name, int port, Func<System.Net.Sockets.NetworkStream, Task<bool>> greets)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                if (await greets(client.GetStream()))
                {
                    return;
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} did not start:\n{Output}");
    }

    /// <summary>
    /// Waits until <paramref name="path"/> on <paramref name="baseAddress"/> answers with success and <paramref name="ready"/>
    /// (if given) holds; throws with the process's output when it exits first or the time runs out.
    /// </summary>
    public async Task WaitUntilServingAsync(string name, Uri baseAddress, string path, TimeSpan limit, Func<bool>? ready = null)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{name} exited during start-up:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(path, UriKind.Relative))).IsSuccessStatusCode && (ready is null || ready()))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} did not become healthy at {baseAddress}:\n{Output}"));
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits for it; kills it if it does not stop in time.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Ends the process at once, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (Environment.GetEnvironmentVariable("CABINET_SERVER_LOGS") is { Length: > 0 } folder)
        {
            // For chasing a failure that only shows in a full run: every server's output in a file of its own.
            lock (_output)
            {
                File.AppendAllText(Path.Combine(Directory.CreateDirectory(folder).FullName, $"{_process.Id}.log"), line + Environment.NewLine);
            }
        }

        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
